/** What the preferences can hold that takes focus (switches of required categories are disabled). */
const FOCUSABLE = 'a[href],button,input:not(:disabled),summary'

/** The focused element, looking into shadow roots (document.activeElement stops at their host). */
const focused = (): HTMLElement | null => {
  let active = document.activeElement
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
  return active as HTMLElement | null
}

/**
 * A ref callback that opens a <dialog> as a modal while it is mounted: the page behind turns
 * inert, focus moves to the first control, Tab and Shift+Tab wrap inside (also inside a shadow
 * root), and the returned cleanup gives focus back to the element that had it (the footer link,
 * say). Refs run once the DOM is in place, so the dialog is modal before the first paint; being
 * one function, it runs once per dialog, not on every render.
 */
export function modal(dialog: HTMLDialogElement | null) {
  if (!dialog) return
  // Read before showModal(), which moves focus into the dialog.
  let opener = focused()
  if (typeof dialog.showModal === 'function') dialog.showModal()
  else dialog.setAttribute('open', '')
  let focusables = () => Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE))
  focusables()[0]?.focus()
  let onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Tab') return
    let list = focusables()
    let first = list[0]
    let last = list[list.length - 1]
    let active = focused()
    if (event.shiftKey ? active === first || !dialog.contains(active) : active === last) {
      event.preventDefault()
      ;(event.shiftKey ? last : first)?.focus()
    }
  }
  dialog.addEventListener('keydown', onKey)
  return () => {
    dialog.removeEventListener('keydown', onKey)
    if (dialog.open && typeof dialog.close === 'function') dialog.close()
    if (opener && opener.isConnected && opener !== document.body) opener.focus()
  }
}
