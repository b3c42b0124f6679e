/**
 * Microsoft Clarity, loaded only once its category (or service) is allowed and driven through its
 * Consent API v2: `clarity('consentv2', { ad_Storage, analytics_Storage })` before the tag runs and
 * on every change, `clarity('consent', false)` on withdrawal (Clarity then drops its cookies).
 * https://learn.microsoft.com/en-us/clarity/setup-and-installation/clarity-consent-api-v2
 *
 * Clarity could also run before consent in its cookieless mode; Cookiegate does not do that:
 * nothing of Clarity loads until the visitor allows it.
 */
import type { ClarityConfig, Cookiegate } from '../core/types'
import { CLARITY } from './clarity-config'
import { addScript, watch } from './vendor'

type Clarity = ((...args: unknown[]) => void) & { q?: unknown[] }

export type ClarityOptions = ClarityConfig

/**
 * Loads `https://www.clarity.ms/tag/<projectId>` once `category` (default `"analytics"`, or a
 * service name) is allowed. `analytics_Storage` follows that category or service, `ad_Storage`
 * the `marketing` category (denied when there is none). Returns a function that stops it.
 *
 * ```js
 * loadClarity(cg, { projectId: 'abcdefghij' })
 * ```
 */
export function loadClarity(cg: Cookiegate, { projectId, category = 'analytics' }: ClarityOptions): () => void {
  let w = window as unknown as { clarity?: Clarity }
  let sent = ''
  let call = (...args: unknown[]) => w.clarity!(...args)
  let signal = () => {
    let grant = (name: string) => (cg.allowed(name) ? 'granted' : 'denied')
    let consent = { ad_Storage: grant('marketing'), analytics_Storage: grant(category) }
    let key = JSON.stringify(consent)
    // Any change of either type is sent, once.
    if (key !== sent) call('consentv2', consent)
    sent = key
  }
  let stopMarketing = () => {}
  let stop = watch(cg, 'Clarity', category, (on) => {
    if (!sent && !on) return
    if (!sent) {
      // Clarity's own queue (`clarity.q`), which the tag reads when it arrives. A Clarity the
      // page runs itself keeps its function and is not loaded twice.
      let fresh = !w.clarity
      w.clarity ||= (...args: unknown[]) => {
        ;(w.clarity!.q ||= []).push(args)
      }
      signal()
      if (fresh) addScript('https://www.clarity.ms/tag/' + encodeURIComponent(projectId))
      // `ad_Storage` changes on its own, with the marketing category.
      stopMarketing = watch(cg, 'Clarity', 'marketing', signal)
      return
    }
    signal()
    if (!on) call('consent', false)
  }, CLARITY)
  return () => {
    stop()
    stopMarketing()
  }
}
