import type { ResolvedConfig, Texts } from '../core/types'
import { base, direction, pickLanguage } from '../i18n/index'
import { EN, type BannerTexts, type Translation } from './texts'

// One lazy import per bundled language (src/i18n/<code>.ts, each its own small file); English is built in.
// A plain map: no helper for variable dynamic imports in the bundle.
const FILES = import.meta.glob<{ default: Translation }>(['./*.ts', '!./{index,languages,embeds,localize}.ts'], { base: '../i18n' })
const file = (lang: string) => FILES[`./${lang}.ts`]

/**
 * The language the UI shows, its direction and its texts: all those of the language file and the
 * config, over the banner's English ones (the preferences add theirs, ./preferences-texts).
 */
export interface Locale {
  lang: string
  dir: 'ltr' | 'rtl'
  t: BannerTexts & Partial<Texts>
  categories: Translation['categories']
}

/**
 * Loads the one translation the visitor needs (a small separate file; English is built in) and
 * lays the config's texts over it: flat `texts` for any language, then `texts.<lang>`.
 */
export async function loadLocale(config: ResolvedConfig): Promise<Locale> {
  let lang = pickLanguage(config, file)
  let bundled: Partial<Translation> = {}
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
    dir: direction(lang),
    t: { ...EN, ...bundled.texts, ...config.texts, ...translations[base(lang)], ...translations[lang] },
    categories: { ...bundled.categories }
  }
}
