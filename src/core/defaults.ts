import type { GoogleConsentType, Texts } from './types'

/** Every text key the UI knows; config `texts` may override any of them and no other. */
export const TEXT_KEYS: (keyof Texts)[] = [
  'bannerTitle',
  'bannerText',
  'acceptAll',
  'rejectAll',
  'customise',
  'save',
  'preferencesTitle',
  'preferencesText',
  'policyLink',
  'close',
  'alwaysOn',
  'embedText',
  'loadOnce',
  'alwaysAllow',
  'cookieTable',
  'cookieName',
  'cookieProvider',
  'cookiePurpose',
  'cookieDuration',
  'optOutTitle',
  'optOutText',
  'optOutReject'
]

/** What a category deletes on withdrawal when the config does not say. */
export const KNOWN_CATEGORIES: Record<string, { cookies: string[]; storage: string[] }> = {
  analytics: {
    // PostHog keeps `ph_<token>_posthog` on the parent domain and its opt-out flag in
    // `__ph_opt_in_out_<token>`; Google Analytics uses `_ga`, `_ga_<id>` and `_gid`.
    cookies: ['ph_*', '__ph_opt_in_out_*', '_ga', '_ga_*', '_gid'],
    storage: ['ph_*', '__ph_opt_in_out_*']
  }
}

/** Google Consent Mode v2 consent types, in the order Cookiegate sends them. */
export const GCM_TYPES: GoogleConsentType[] = [
  'ad_storage',
  'analytics_storage',
  'ad_user_data',
  'ad_personalization',
  'functionality_storage',
  'personalization_storage',
  'security_storage'
]
