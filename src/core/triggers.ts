/**
 * One delegated listener for every `[data-cookie-settings]` element, present or added later
 * (a11y-dialog's pattern: no scan at start-up, so late-rendered footers work too).
 */
export function listenForSettingsLinks(open: () => void): () => void {
  let target = (event: Event): Element | null => {
    let node = event.composedPath()[0]
    return node instanceof Element ? node.closest('[data-cookie-settings]') : null
  }
  let onClick = (event: MouseEvent) => {
    if (!target(event)) return
    // `href="#"` or a real URL fallback must not navigate when the preferences can open.
    event.preventDefault()
    open()
  }
  // Links and buttons turn Enter (and Space for buttons) into clicks themselves; any other
  // element given `tabindex` and `role="button"` gets the same keys here.
  let onKey = (event: KeyboardEvent) => {
    let el = target(event)
    if (!el || (event.key !== 'Enter' && event.key !== ' ')) return
    if (el.matches('a[href], button, input, summary, select, textarea')) return
    event.preventDefault()
    open()
  }
  document.addEventListener('click', onClick, true)
  document.addEventListener('keydown', onKey, true)
  return () => {
    document.removeEventListener('click', onClick, true)
    document.removeEventListener('keydown', onKey, true)
  }
}
