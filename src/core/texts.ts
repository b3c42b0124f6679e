import type { Texts } from './types'

/** Built-in English texts. Every one can be replaced through `config.texts`. */
export const TEXTS: Texts = {
  bannerTitle: 'Cookies on this site',
  bannerText:
    'We use essential cookies to make this site work. With your permission we would also like to use analytics cookies to learn how the site is used. You can change your choice at any time under Cookie Settings.',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  customise: 'Customise',
  save: 'Save choices',
  preferencesTitle: 'Cookie settings',
  preferencesText:
    'Choose which cookies we may use. Essential cookies are always on because the site cannot work without them.',
  policyLink: 'Privacy policy',
  close: 'Close',
  alwaysOn: 'Always on'
}

/** Labels, descriptions and cookie names for the categories most sites have. */
export const KNOWN_CATEGORIES: Record<
  string,
  { label: string; description: string; cookies?: string[]; storage?: string[] }
> = {
  essential: {
    label: 'Essential',
    description:
      'Needed for the site to work, for example to keep you signed in and to remember this choice. They cannot be turned off.'
  },
  analytics: {
    label: 'Analytics',
    description:
      'Help us understand how the site is used so we can improve it (for example PostHog). Off unless you turn them on.',
    // PostHog keeps `ph_<token>_posthog` on the parent domain and its opt-out flag in
    // `__ph_opt_in_out_<token>`; Google Analytics uses `_ga`, `_ga_<id>` and `_gid`.
    cookies: ['ph_*', '__ph_opt_in_out_*', '_ga', '_ga_*', '_gid'],
    storage: ['ph_*', '__ph_opt_in_out_*']
  }
}
