/** A stylesheet added to a document or shadow root: replace its text, or take it away. */
export interface Sheet {
  set(css: string): void
  remove(): void
}

/**
 * Adds CSS to a document or shadow root. A constructed stylesheet needs no `'unsafe-inline'`
 * under a Content-Security-Policy; browsers without one get a <style> element.
 */
export function adopt(root: Document | ShadowRoot, css: string): Sheet {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    let sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
    return {
      set: (text) => sheet.replaceSync(text),
      remove() {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet)
      }
    }
  }
  let style = document.createElement('style')
  style.textContent = css
  ;(root === document ? document.head : root).append(style)
  return {
    set: (text) => (style.textContent = text),
    remove: () => style.remove()
  }
}
