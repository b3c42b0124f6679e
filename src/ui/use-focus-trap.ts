import type { RefObject } from 'preact'
import { useEffect } from 'preact/hooks'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * Keeps Tab and Shift+Tab inside the container while it is mounted, moves focus into it, and
 * gives focus back to the element that had it before (the footer link, say) when it unmounts.
 */
export function useFocusTrap(ref: RefObject<HTMLElement | null>) {
  useEffect(() => {
    let container = ref.current
    if (!container) return
    let opener = document.activeElement as HTMLElement | null
    let focusables = () => Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE))
    focusables()[0]?.focus()
    let onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return
      let list = focusables()
      let first = list[0]
      let last = list[list.length - 1]
      let active = document.activeElement
      if (event.shiftKey ? active === first || !container.contains(active) : active === last) {
        event.preventDefault()
        ;(event.shiftKey ? last : first)?.focus()
      }
    }
    container.addEventListener('keydown', onKey)
    return () => {
      container.removeEventListener('keydown', onKey)
      if (opener && opener.isConnected && opener !== document.body) opener.focus()
    }
  }, [])
}
