/**
 * Which language Cookiegate speaks, and in which direction: one module for the UI and the embed
 * placeholders, so the banner and a placeholder beside it always agree. Beside it in this folder:
 * the list of languages (./languages, all the core needs to check `language`), the UI's texts, one
 * file per language loaded on demand, the placeholders' few texts in every language
 * (./embeds: the placeholder shows without the UI), and localize() for config texts (./localize:
 * not needed by the banner, so not in its file).
 */
import type { ResolvedConfig } from '../core/types'


const RTL = ['ar', 'he', 'fa', 'ur']

/** `pt` for `pt-br`. */
export const base = (lang: string): string => lang.split('-')[0]!

/** The writing direction of a language. */
export const direction = (lang: string): 'ltr' | 'rtl' => (RTL.includes(base(lang)) ? 'rtl' : 'ltr')

/**
 * `language: "auto"` takes the first of `<html lang>` and `navigator.languages` that we have
 * texts for (`bundled`, or from the config), trying `pt-br` before `pt`; else English. The UI and
 * the placeholders each say what they bundle (the same languages, ./languages; test/i18n checks).
 */
export function pickLanguage(config: ResolvedConfig, bundled: (lang: string) => unknown): string {
  let have = (tag: string) => [tag, base(tag)].find((l) => l === 'en' || bundled(l) || config.translations[l])
  let wanted = config.language === 'auto' ? [document.documentElement.lang, ...(navigator.languages || [])] : [config.language]
  for (let tag of wanted) {
    let found = tag && have(tag.toLowerCase())
    if (found) return found
  }
  return 'en'
}
