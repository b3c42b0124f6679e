/**
 * Google Consent Mode v2: tells Google tags (gtag.js, Google Tag Manager) what they may store,
 * through their own consent commands.
 * https://developers.google.com/tag-platform/security/guides/consent?consentmode=advanced
 */
import { GCM_TYPES } from '../core/defaults'
import { isOn, namesOf } from '../core/model'
import type { ConsentState, Cookiegate, GoogleConsentModeConfig, ResolvedConfig } from '../core/types'

type DataLayer = unknown[]
// What grants the first four of GCM_TYPES (ad_storage, analytics_storage, ad_user_data,
// ad_personalization) when the site maps nothing; the others have no default.
const REQUIRED = ['marketing', 'analytics', 'marketing', 'marketing']

const dataLayer = (): DataLayer => {
  let w = window as unknown as { dataLayer?: DataLayer }
  return (w.dataLayer = w.dataLayer || [])
}
// Exactly the gtag snippet: `function gtag(){dataLayer.push(arguments)}`. Google tags read
// commands from `arguments` objects only, not from plain arrays.
function gtag(_command: string, _kind: string, _types: object) {
  // eslint-disable-next-line prefer-rest-params
  dataLayer().push(arguments)
}

/**
 * A consent command: each consent type Cookiegate sends, `granted` when its category or service
 * is. The types without a default (`functionality_storage`, …) are only sent when mapped.
 */
const command = (options: GoogleConsentModeConfig, granted: (name: string) => boolean) => {
  let out: Record<string, unknown> = {}
  for (let [i, type] of GCM_TYPES.entries()) {
    let name = options[type] || REQUIRED[i]
    if (typeof name === 'string') out[type] = granted(name) ? 'granted' : 'denied'
  }
  return out
}

/**
 * Writes `gtag('consent', 'default', …)` unless the data layer already holds a consent default
 * (written by the script tag as it ran, or by the site): every mapped type denied, except in an
 * opt-out region before any refusal (`state.method` `"opt-out"`), where what is allowed is granted.
 * Without a known region, each model's `jurisdictions` get a default of their own through GCM's
 * `region` parameter, which Google applies by the visitor's location (the most specific wins):
 * that is what a page cached once for every region can do.
 * "The default consent state must be set before any commands that send measurement data."
 */
export function consentDefault(options: GoogleConsentModeConfig = {}, config?: ResolvedConfig, state?: ConsentState | null): void {
  let layer = dataLayer()
  if (layer.some((entry) => (entry as ArrayLike<unknown>)[0] === 'consent' && (entry as ArrayLike<unknown>)[1] === 'default')) return
  if (layer.length) console.warn('Cookiegate: the Google consent default comes after other dataLayer entries; load Cookiegate before the Google tag')
  let wait = options.wait_for_update
  let optOut = state?.method === 'opt-out'
  let map = config?.jurisdictions
  // '': the default for every region. Then, undecided with no region known, one for the opt-in
  // and one for the opt-out regions; a stored choice or GPC is answered by the update that follows.
  let models = map && !config!.region && state && !state.decided && !optOut ? ['opt-in', 'opt-out'] : []
  for (let model of ['', ...models]) {
    let region = model && Object.keys(map!).filter((code) => map![code] === model)
    if (region && !region.length) continue
    let granted = (name: string) => (model ? model > 'opt-in' && namesOf(config!).includes(name) : optOut && isOn(state!, name))
    gtag('consent', 'default', { ...command(options, granted), wait_for_update: typeof wait === 'number' && wait >= 0 ? wait : 500, ...(region && { region }) })
  }
}

/**
 * Google Consent Mode v2 for an instance: the default at once (denied, or granted in an opt-out
 * region until a refusal), then
 * `gtag('consent', 'update', …)` for a stored choice and on every change, each followed by a
 * `cookiegate_consent` data-layer event for Google Tag Manager triggers. Returns a stop function.
 *
 * ```js
 * googleConsentMode(cg, { ad_storage: 'marketing', analytics_storage: 'analytics' })
 * ```
 */
export function googleConsentMode(cg: Cookiegate, options: GoogleConsentModeConfig = {}): () => void {
  consentDefault(options, cg.config, cg.consent.get())
  let sent = false
  return cg.consent.subscribe((state) => {
    let update = command(options, cg.allowed)
    // Undecided, the denied default holds, unless a type follows a required category (`security_storage`).
    if (!state.decided && !sent && !Object.values(update).includes('granted')) return
    sent = true
    gtag('consent', 'update', update)
    if (state.decided) dataLayer().push({ event: 'cookiegate_consent', cookiegate: { categories: { ...state.categories }, method: state.method } })
  })
}
