/**
 * Google Consent Mode v2: tells Google tags (gtag.js, Google Tag Manager) what they may store,
 * through their own consent commands.
 * https://developers.google.com/tag-platform/security/guides/consent?consentmode=advanced
 */
import { GCM_TYPES } from '../core/defaults'
import { isOn, namesOf } from '../core/model'
import type { ConsentState, Cookiegate, GoogleConsentModeConfig, GoogleConsentType, ResolvedConfig } from '../core/types'

type DataLayer = unknown[]
const REQUIRED: Partial<Record<GoogleConsentType, string>> = {
  ad_storage: 'marketing',
  analytics_storage: 'analytics',
  ad_user_data: 'marketing',
  ad_personalization: 'marketing'
}

const dataLayer = (): DataLayer => {
  let w = window as unknown as { dataLayer?: DataLayer }
  return (w.dataLayer = w.dataLayer || [])
}
// Exactly the gtag snippet: `function gtag(){dataLayer.push(arguments)}`. Google tags read
// commands from `arguments` objects only, not from plain arrays.
function gtag(..._args: unknown[]) {
  // eslint-disable-next-line prefer-rest-params
  dataLayer().push(arguments)
}

/** Each consent type Cookiegate sends, with the category or service that grants it. */
const mapping = (options: GoogleConsentModeConfig) => {
  let map: [string, string][] = []
  // The types without a default (`functionality_storage`, …) are only sent when mapped.
  for (let type of GCM_TYPES) {
    let name = options[type] || REQUIRED[type]
    if (typeof name === 'string') map.push([type, name])
  }
  return map
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
  let write = (granted: (name: string) => boolean, extra?: object) => {
    let command: Record<string, unknown> = {}
    for (let [type, name] of mapping(options)) command[type] = granted(name) ? 'granted' : 'denied'
    command.wait_for_update = typeof wait === 'number' && wait >= 0 ? wait : 500
    gtag('consent', 'default', { ...command, ...extra })
  }
  let optOut = state?.method === 'opt-out'
  write((name) => optOut && isOn(state!, name))
  // Undecided with no region known; a stored choice or GPC is answered by the update that follows.
  let map = config?.jurisdictions
  if (map && !config!.region && state && !state.decided && !optOut) {
    for (let model of ['opt-in', 'opt-out']) {
      let region = Object.keys(map).filter((code) => map![code] === model)
      if (region.length) write((name) => model > 'opt-in' && namesOf(config!).includes(name), { region })
    }
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
  let map = mapping(options)
  let sent = false
  return cg.consent.subscribe((state) => {
    let update: Record<string, string> = {}
    for (let [type, name] of map) update[type] = cg.allowed(name) ? 'granted' : 'denied'
    // Undecided, the denied default holds, unless a type follows a required category (`security_storage`).
    if (!state.decided && !sent && !Object.values(update).includes('granted')) return
    sent = true
    gtag('consent', 'update', update)
    if (state.decided) dataLayer().push({ event: 'cookiegate_consent', cookiegate: { categories: { ...state.categories }, method: state.method } })
  })
}
