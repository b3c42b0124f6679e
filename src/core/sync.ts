/**
 * Keeps a page's state in step with the stored choice, which other tabs and other page
 * views can change behind its back. `refresh` re-reads the cookie:
 * - when another tab of the site says it changed the choice (BroadcastChannel),
 * - when the page comes back from the back/forward cache (`pageshow` with `persisted`),
 * - when the tab becomes visible again (a subdomain sharing the cookie has no channel to us),
 * - when a prerendered page is shown (`prerenderingchange`).
 */
export interface Sync {
  /** Tells the other tabs that this one changed the stored choice. */
  notify(): void
  destroy(): void
}

export function createSync(name: string, refresh: () => void): Sync {
  let channel: BroadcastChannel | undefined
  // A write to document.cookie reaches the browser's cookie store asynchronously, and the other
  // tab's message can arrive first: read again a moment later (a read that finds no change changes
  // nothing). A choice made here meanwhile cancels it, so a late read cannot undo that choice.
  let later: ReturnType<typeof setTimeout> | undefined
  let cancel = () => clearTimeout(later)
  try {
    channel = new BroadcastChannel('cookiegate:' + name)
    channel.onmessage = () => {
      cancel()
      refresh()
      later = setTimeout(refresh, 250)
    }
  } catch {
    // No BroadcastChannel (old browsers, some sandboxed frames): visibilitychange still catches up.
  }
  let onShow = (event: PageTransitionEvent) => {
    if (event.persisted) refresh()
  }
  let onVisible = () => {
    if (document.visibilityState === 'visible') refresh()
  }
  addEventListener('pageshow', onShow)
  document.addEventListener('visibilitychange', onVisible)
  document.addEventListener('prerenderingchange', refresh)
  return {
    notify() {
      cancel()
      try {
        channel?.postMessage(1)
      } catch {}
    },
    destroy() {
      cancel()
      channel?.close()
      removeEventListener('pageshow', onShow)
      document.removeEventListener('visibilitychange', onVisible)
      document.removeEventListener('prerenderingchange', refresh)
    }
  }
}
