/** `texts` and `language`: text overrides, flat or per language, and the language shown. */
import { AUTO_OR_LANGUAGE, NO_TEXTS, TEXT_KEY } from './codes'
import { LANGUAGES } from '../../i18n/languages'
import { TEXT_KEYS } from '../defaults'
import type { ResolvedConfig, Texts } from '../types'
import { fail, LANGUAGE, obj, section, str, type Raw } from './check'

/**
 * Flat keys override whatever language is shown; a language key holds that language's overrides,
 * which go to `translations`.
 */
export function checkTexts(v: unknown, translations: ResolvedConfig['translations']): Partial<Texts> {
  let textsOf = (raw: Raw, path: string, nested?: boolean): Partial<Texts> => {
    let texts: Raw = {}
    for (let [key, value] of Object.entries(raw)) {
      if (TEXT_KEYS.includes(key as keyof Texts)) texts[key] = str(value, path + key)
      else if (nested && LANGUAGE.test(key)) {
        let inner = obj(value, path + key, undefined, 'texts')
        if (inner) translations[key.toLowerCase()] = textsOf(inner, `${path}${key}.`)
      } else fail(path + key, TEXT_KEY, TEXT_KEYS)
    }
    return texts
  }
  let raw = section(v, 'texts')
  return raw ? textsOf(raw, 'texts.', true) : {}
}

/** `"auto"`, or a language that is bundled or given in `texts`. */
export function checkLanguage(v: unknown, translations: ResolvedConfig['translations']): string {
  let language = str(v, 'language', 'auto').toLowerCase()
  if (language !== 'auto') {
    if (!LANGUAGE.test(language)) fail('language', AUTO_OR_LANGUAGE, v)
    else if (![language, language.split('-')[0]!].some((l) => l === 'en' || LANGUAGES.includes(l) || translations[l])) {
      fail('language', NO_TEXTS, v, language, LANGUAGES)
    }
  }
  return language
}
