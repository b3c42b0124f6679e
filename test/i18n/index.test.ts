import { readdirSync } from 'node:fs'
import { describe, expect, test, vi } from 'vitest'
import { resolveConfig } from '../../src/core/config'
import { EMBED_TEXTS } from '../../src/i18n/embeds'
import { direction, pickLanguage } from '../../src/i18n/index'
import { LANGUAGES } from '../../src/i18n/languages'

const pick = (config: Parameters<typeof resolveConfig>[0], htmlLang = '') => {
  document.documentElement.lang = htmlLang
  return pickLanguage(resolveConfig(config), (lang) => LANGUAGES.includes(lang))
}

describe('languages', () => {
  test('the list is the translation files, and the placeholder speaks each of them', () => {
    // What the UI (one file each) and the placeholders (EMBED_TEXTS) tell pickLanguage they have.
    let files = readdirSync('src/i18n').filter((file) => !['index.ts', 'languages.ts', 'embeds.ts', 'localize.ts'].includes(file)).map((file) => file.replace(/\.ts$/, ''))
    expect([...LANGUAGES].sort()).toEqual(files.sort())
    expect(Object.keys(EMBED_TEXTS).sort()).toEqual(['en', ...LANGUAGES].sort())
  })

  test('takes the page language, a regional variant first when the config has texts for it', () => {
    expect(pick({}, 'de-AT')).toBe('de')
    expect(pick({ texts: { 'pt-br': { acceptAll: 'Aceitar tudo' } } }, 'pt-BR')).toBe('pt-br')
    expect(pick({}, 'pt-BR')).toBe('pt')
    expect(pick({ language: 'fr' }, 'de')).toBe('fr')
  })

  test('falls back to English when neither the page nor the browser asks for a language it has', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['tlh', 'x-klingon'])
    expect(pick({}, 'tlh')).toBe('en')
    vi.restoreAllMocks()
  })

  test('writes Arabic and Hebrew right to left, with or without a region', () => {
    expect(direction('ar')).toBe('rtl')
    expect(direction('he-IL')).toBe('rtl')
    expect(direction('de')).toBe('ltr')
  })
})
