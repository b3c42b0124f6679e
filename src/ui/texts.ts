import type { Texts } from '../core/types'

/** One language: every UI text, plus labels and descriptions for the categories most sites have. */
export interface Translation {
  texts: Texts
  categories: Record<string, [label: string, description: string]>
}

/** English, built in; every other language is a file of the same shape in src/i18n/, loaded on demand. */
export const EN: Translation = {
  texts: {
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
    alwaysOn: 'Always on',
    cookieTable: 'Cookies used',
    cookieName: 'Name',
    cookieProvider: 'Provider',
    cookiePurpose: 'Purpose',
    cookieDuration: 'Duration',
    optOutTitle: 'Your Privacy Choices',
    optOutText: 'Analytics and advertising cookies are on unless you opt out. Switch off what you do not want and save, or opt out of all: we then neither sell nor share your personal information, nor use it for targeted ads.',
    optOutReject: 'Do not sell or share my personal information'
  },
  categories: {
    essential: [
      'Essential',
      'Needed for the site to work, for example to keep you signed in and to remember this choice. They cannot be turned off.'
    ],
    analytics: [
      'Analytics',
      'Help us understand how the site is used so we can improve it (for example PostHog). Off unless you turn them on.'
    ]
  }
}
