import { CookiegateError } from './error'

/**
 * At most one live instance per page (CONTRACT §7). A hot module reload, a remounted component or
 * React StrictMode's double effect creates a second instance without destroying the first; the
 * newer one replaces it, so the page never has two banners, two modals or two sets of listeners.
 * The live instance is kept under a global symbol, so that two copies of the library on one page
 * (two bundles, the script tag and an npm import) agree. A symbol is no global name: it is not in
 * `Object.keys(window)` nor `Object.getOwnPropertyNames(window)`.
 */
const LIVE = Symbol.for('cookiegate.live')

interface Live {
  destroy(): void
}
const page = globalThis as { [LIVE]?: Live }

/**
 * Throws a `CookiegateError` where there is no DOM (server rendering). The npm entries call it
 * first; the script tag, which only ever runs in a page, does without its words.
 */
export function needPage(): void {
  if (typeof document === 'undefined') {
    throw new CookiegateError('Cookiegate: call createCookiegate() in the browser (e.g. in useEffect or onMounted), not during server rendering: there is no DOM here')
  }
}

/** Call first when creating an instance: destroys the page's live instance, if there is one. */
export function claimPage(): void {
  try {
    // Its destroy() releases the page (`releasePage`).
    page[LIVE]?.destroy()
  } catch {
    // An older copy's bug must not stop the new instance.
  }
}

/** Makes `instance` the page's live one: `claimPage` destroys it when the next one is created. */
export function holdPage(instance: Live): void {
  page[LIVE] = instance
}

/** Call from `destroy()`: the page has no live instance any more, unless a newer one took over. */
export function releasePage(instance: Live): void {
  if (page[LIVE] === instance) delete page[LIVE]
}
