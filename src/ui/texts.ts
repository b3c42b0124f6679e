import type { Texts } from '../core/types'

/** One language: every UI text, plus labels and descriptions for the categories most sites have. */
export interface Translation {
  texts: Texts
  categories: Record<string, [label: string, description: string]>
}

/** The texts the banner shows. */
export type BannerTexts = Pick<Texts, 'bannerTitle' | 'bannerText' | 'acceptAll' | 'rejectAll' | 'customise' | 'policyLink'>

/**
 * English, built in: the banner's texts. The preferences' English texts and category defaults
 * come with the preferences (./preferences-texts), as only they show them. Every other language
 * is a file of the Translation shape in src/i18n/, loaded on demand.
 */
export const EN: BannerTexts = {
  bannerTitle: 'Cookies on this site',
  bannerText:
    'We use essential cookies to make this site work. With your permission we would also like to use analytics cookies to learn how the site is used. You can change your choice at any time under Cookie Settings.',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  customise: 'Customise',
  policyLink: 'Privacy policy'
}
