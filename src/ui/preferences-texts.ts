import type { Texts } from '../core/types'
import type { Locale } from './locale'
import type { BannerTexts, Translation } from './texts'

/** English, built in: what only the preferences show (the banner's texts are in ./texts). */
export const EN_PREFERENCES: { texts: Omit<Texts, keyof BannerTexts>; categories: Translation['categories'] } = {
  texts: {
    save: 'Save choices',
    preferencesTitle: 'Cookie settings',
    preferencesText:
      'Choose which cookies we may use. Essential cookies are always on because the site cannot work without them.',
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

/** The banner's locale with every text: English under the language file and the config's texts. */
export interface FullLocale extends Locale {
  t: Texts
}

/** Lays the English preferences texts under a locale: the lowest layer, as English always is. */
export const complete = ({ t, categories, ...locale }: Locale): FullLocale => ({
  ...locale,
  t: { ...EN_PREFERENCES.texts, ...t },
  categories: { ...EN_PREFERENCES.categories, ...categories }
})
