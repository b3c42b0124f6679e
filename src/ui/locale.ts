import type { Localized, ResolvedConfig, Texts } from '../core/types'
import { EN, type Translation } from './texts'

const RTL = ['ar', 'he', 'fa', 'ur']
const base = (lang: string) => lang.split('-')[0]!
// One lazy import per bundled language (src/i18n/<code>.ts, each its own small file); English is built in.
// A plain map: no helper for variable dynamic imports in the bundle.
const FILES = import.meta.glob<{ default: Translation }>('../i18n/*.ts')
const file = (lang: string) => FILES[`../i18n/${lang}.ts`]

/** The language the UI shows, its direction and its texts. */
export interface Locale {
  lang: string
  dir: 'ltr' | 'rtl'
  t: Texts
  categories: Translation['categories']
}

/**
 * `language: "auto"` takes the first of `<html lang>` and `navigator.languages` that we have
 * texts for (bundled or from the config), trying `pt-br` before `pt`; else English.
 */
export function pickLanguage(config: ResolvedConfig): string {
  let have = (tag: string) => [tag, base(tag)].find((l) => l === 'en' || file(l) || config.translations[l])
  let wanted = config.language === 'auto' ? [document.documentElement.lang, ...(navigator.languages || [])] : [config.language]
  for (let tag of wanted) {
    let found = tag && have(tag.toLowerCase())
    if (found) return found
  }
  return 'en'
}

/**
 * Loads the one translation the visitor needs (a small separate file; English is built in) and
 * lays the config's texts over it: flat `texts` for any language, then `texts.<lang>`.
 */
export async function loadLocale(config: ResolvedConfig): Promise<Locale> {
  let lang = pickLanguage(config)
  let bundled = EN
  let load = file(base(lang))
  if (load) {
    try {
      bundled = (await load()).default
    } catch (error) {
      // A missing language file must not cost the visitor the banner: English it is.
      console.error(`Cookiegate: could not load the "${base(lang)}" texts`, error)
      lang = 'en'
    }
  }
  let { translations } = config
  return {
    lang,
    dir: RTL.includes(base(lang)) ? 'rtl' : 'ltr',
    t: { ...EN.texts, ...bundled.texts, ...config.texts, ...translations[base(lang)], ...translations[lang] },
    categories: { ...EN.categories, ...bundled.categories }
  }
}

/** A config text in the visitor's language: exact, then base language, then English, then any. */
export const localize = (value: Localized | undefined, lang: string): string | undefined =>
  typeof value === 'object' ? (value[lang] ?? value[base(lang)] ?? value.en ?? Object.values(value)[0]) : value
