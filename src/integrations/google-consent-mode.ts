/**
 * Google Consent Mode v2: tells Google tags (gtag.js, Google Tag Manager) what they may store,
 * through their own consent commands.
 * https://developers.google.com/tag-platform/security/guides/consent?consentmode=advanced
 */
import { GCM_TYPES } from '../core/defaults'
import type { Cookiegate, GoogleConsentModeConfig, GoogleConsentType } from '../core/types'

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
 * Writes `gtag('consent', 'default', …)` with every mapped type denied, unless the data layer
 * already holds a consent default (written by the script tag as it ran, or by the site).
 * "The default consent state must be set before any commands that send measurement data."
 */
export function consentDefault(options: GoogleConsentModeConfig = {}): void {
  let layer = dataLayer()
  if (layer.some((entry) => (entry as ArrayLike<unknown>)[0] === 'consent' && (entry as ArrayLike<unknown>)[1] === 'default')) return
  if (layer.length) console.warn('Cookiegate: the Google consent default comes after other dataLayer entries; load Cookiegate before the Google tag')
  let state: Record<string, unknown> = {}
  for (let [type] of mapping(options)) state[type] = 'denied'
  let wait = options.wait_for_update
  state.wait_for_update = typeof wait === 'number' && wait >= 0 ? wait : 500
  gtag('consent', 'default', state)
}

/**
 * Google Consent Mode v2 for an instance: the denied default at once, then
 * `gtag('consent', 'update', …)` for a stored choice and on every change, each followed by a
 * `cookiegate_consent` data-layer event for Google Tag Manager triggers. Returns a stop function.
 *
 * ```js
 * googleConsentMode(cg, { ad_storage: 'marketing', analytics_storage: 'analytics' })
 * ```
 */
export function googleConsentMode(cg: Cookiegate, options: GoogleConsentModeConfig = {}): () => void {
  consentDefault(options)
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
