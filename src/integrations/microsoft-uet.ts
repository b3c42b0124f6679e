/**
 * Microsoft Advertising UET, loaded only once its category (or service) is allowed, driven
 * through UET consent mode: `ad_storage: "denied"` by default, `'update'` on every change.
 */
import type { Cookiegate, MicrosoftUetConfig } from '../core/types'
import { MICROSOFT_UET } from './microsoft-uet-config'
import { uetConsentDefault } from './microsoft-uet-default'
import { addScript, guard, watch } from './vendor'

type Queue = { push(...args: unknown[]): unknown }

export type MicrosoftUetOptions = MicrosoftUetConfig

/**
 * Queues the denied default at once unless a UET queue exists already (the script tag queues it
 * as it runs), then, once `category` (default `"marketing"`, or a service name) is allowed, sends
 * `'update'` with `ad_storage: "granted"`, loads `https://bat.bing.com/bat.js`, starts UET on the
 * queue and sends `pageLoad`. Every later change sends `'update'` again. Returns a function that
 * stops it.
 *
 * ```js
 * loadMicrosoftUet(cg, { tagId: '12345678' })
 * ```
 */
export function loadMicrosoftUet(cg: Cookiegate, { tagId, category = 'marketing' }: MicrosoftUetOptions): () => void {
  let w = window as unknown as { uetq?: Queue; UET?: new (options: object) => Queue }
  if (!w.uetq) uetConsentDefault()
  let started = false
  return watch(cg, 'Microsoft UET', category, (on) => {
    // Denied is already the default: nothing to say before the first grant.
    if (!started && !on) return
    w.uetq!.push('consent', 'update', { ad_storage: on ? 'granted' : 'denied' })
    if (started) return
    started = true
    addScript('https://bat.bing.com/bat.js').onload = () =>
      guard('Microsoft UET', () => {
        // As Microsoft's tag does: UET takes over the queue (with the consent entries in it).
        w.uetq = new w.UET!({ ti: tagId, enableAutoSpaTracking: true, q: w.uetq })
        w.uetq.push('pageLoad')
      })
  }, MICROSOFT_UET)
}
