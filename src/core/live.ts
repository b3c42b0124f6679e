import { CookiegateError } from './error'

/**
 * At most one live instance per page (CONTRACT §7). A hot module reload, a remounted component or
 * React StrictMode's double effect creates a second instance without destroying the first; the
 * newer one replaces it, so the page never has two banners, two modals or two sets of listeners.
 * The live instance is kept under a global symbol, so that two copies of the library on one page
 * (two bundles, the script tag and an npm import) agree; the symbol is not enumerable and not
 * one of `Object.getOwnPropertyNames(window)`, so it adds no global name.
 */
const LIVE = Symbol.for('cookiegate.live')

interface Live {
  destroy(): void
}
type Page = typeof globalThis & { [LIVE]?: Live }

/**
 * Call first when creating an instance: throws a `CookiegateError` where there is no DOM (server
 * rendering), then destroys the page's live instance, if there is one.
 */
export function claimPage(): void {
  if (typeof document === 'undefined') {
    throw new CookiegateError(
      'Cookiegate: createCookiegate() needs a browser, and there is no `document` here (server rendering?). ' +
        'Call it in the browser: in useEffect() (React), onMounted() (Vue) or onMount() (Svelte), or behind `typeof window !== "undefined"`. Importing the package on the server is fine.'
    )
  }
  let live = (globalThis as Page)[LIVE]
  try {
    live?.destroy()
  } catch (error) {
    // An older copy's bug must not stop the new instance, nor reach the host page.
    console.error('Cookiegate: could not destroy the previous instance', error)
  }
  releasePage(live)
}

/** Makes `instance` the page's live one (`claimPage` destroys it when the next one is created). */
export function holdPage(instance: Live): void {
  Object.defineProperty(globalThis, LIVE, { value: instance, configurable: true, writable: true, enumerable: false })
}

/** Call from `destroy()`: the page has no live instance any more, unless a newer one took over. */
export function releasePage(instance: Live | undefined): void {
  if (instance && (globalThis as Page)[LIVE] === instance) delete (globalThis as Page)[LIVE]
}
