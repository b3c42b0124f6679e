/**
 * One delegated listener for every `[data-cookie-settings]` element, present or added later
 * (a11y-dialog's pattern: no scan at start-up, so late-rendered footers work too).
 */
export function listenForSettingsLinks(open: () => void): () => void {
  // Links and buttons turn Enter (and Space for buttons) into clicks themselves; any other
  // element given `tabindex` and `role="button"` gets the same keys here.
  let onEvent = (event: Event) => {
    let node = event.composedPath()[0]
    let el = node instanceof Element && node.closest('[data-cookie-settings]')
    let { key, type } = event as KeyboardEvent
    if (!el || (type === 'keydown' && ((key !== 'Enter' && key !== ' ') || el.matches('a[href], button, input, summary, select, textarea')))) return
    // `href="#"` or a real URL fallback must not navigate when the preferences can open.
    event.preventDefault()
    open()
  }
  let types = ['click', 'keydown']
  types.forEach((type) => document.addEventListener(type, onEvent, true))
  return () => types.forEach((type) => document.removeEventListener(type, onEvent, true))
}
