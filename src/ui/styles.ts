import css from '../../styles/index.css?inline'

/**
 * Adds our stylesheet to the document. A constructed stylesheet needs no `'unsafe-inline'`
 * under a Content-Security-Policy; browsers without one get a <style> element.
 */
export function adoptStyles(): () => void {
  if ('adoptedStyleSheets' in document && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    let sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet)
    }
  }
  let style = document.createElement('style')
  style.textContent = css
  document.head.append(style)
  return () => style.remove()
}
