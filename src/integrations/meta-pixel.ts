/**
 * The Meta Pixel, loaded only once its category (or service) is allowed, in the order Meta's GDPR
 * guide gives: `fbq('consent', 'revoke')` before `fbq('init', pixelId)`, then `'grant'` once
 * allowed, and `'revoke'` again on withdrawal.
 * https://developers.facebook.com/docs/meta-pixel/implementation/gdpr
 */
import type { Cookiegate, MetaPixelConfig } from '../core/types'
import { META_PIXEL } from './meta-pixel-config'
import { addScript, watch } from './vendor'

/** `fbq` before fbevents.js arrives: calls wait in `queue` until the script sets `callMethod`. */
type Fbq = ((...args: unknown[]) => void) & {
  callMethod?: (...args: unknown[]) => void
  queue: unknown[]
  push: unknown
  loaded: boolean
  version: string
}

export type MetaPixelOptions = MetaPixelConfig

/**
 * Loads `https://connect.facebook.net/en_US/fbevents.js` once `category` (default `"marketing"`,
 * or a service name) is allowed and tracks one `PageView`. Returns a function that stops it.
 *
 * ```js
 * loadMetaPixel(cg, { pixelId: '1234567890123456' })
 * ```
 */
export function loadMetaPixel(cg: Cookiegate, { pixelId, category = 'marketing' }: MetaPixelOptions): () => void {
  let w = window as unknown as { fbq?: Fbq; _fbq?: Fbq }
  let started = false
  return watch(cg, 'Meta Pixel', category, (on) => {
    if (!started && !on) return
    let fbq = (...args: unknown[]) => w.fbq!(...args)
    if (started) {
      fbq('consent', on ? 'grant' : 'revoke')
      return
    }
    started = true
    // A pixel the page loaded itself keeps its `fbq`; only a missing one is created and fetched.
    if (!w.fbq) {
      let stub = function (...args: unknown[]) {
        stub.callMethod ? stub.callMethod(...args) : stub.queue.push(args)
      } as Fbq
      Object.assign(stub, { queue: [], push: stub, loaded: true, version: '2.0' })
      w.fbq = w._fbq ||= stub
      addScript('https://connect.facebook.net/en_US/fbevents.js')
    }
    fbq('consent', 'revoke')
    fbq('init', pixelId)
    fbq('consent', 'grant')
    fbq('track', 'PageView')
  }, META_PIXEL)
}
