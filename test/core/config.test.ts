import { describe, expect, test } from 'vitest'
import { CookiegateConfigError, resolveConfig } from '../../src/core/config'

const problems = (input: unknown): string[] => {
  try {
    resolveConfig(input)
  } catch (error) {
    expect(error).toBeInstanceOf(CookiegateConfigError)
    return (error as CookiegateConfigError).problems
  }
  throw new Error('config was accepted')
}

describe('resolveConfig', () => {
  test('gives essential and analytics when nothing is configured', () => {
    let config = resolveConfig()
    expect(config.categories.map((c) => [c.name, c.required])).toEqual([
      ['essential', true],
      ['analytics', false]
    ])
    expect(config.expiresDays).toBe(182)
    expect(config.cookie).toEqual({ name: 'cookiegate', domain: undefined, path: '/', sameSite: 'Lax' })
    expect(config.gpc).toBe(true)
    expect(config.texts).toEqual({})
  })

  test('lists PostHog and Google Analytics cookies for analytics by default', () => {
    let analytics = resolveConfig().categories[1]!
    expect(analytics.cookies).toEqual(['ph_*', '__ph_opt_in_out_*', '_ga', '_ga_*', '_gid'])
    expect(analytics.storage).toContain('ph_*')
  })

  test('keeps the order and texts of custom categories', () => {
    let config = resolveConfig({
      categories: { essential: { required: true }, marketing: { label: 'Ads', cookies: ['_fbp'] } },
      texts: { acceptAll: 'Allow all' }
    })
    expect(config.categories.map((c) => c.name)).toEqual(['essential', 'marketing'])
    expect(config.categories[1]).toMatchObject({ label: 'Ads', cookies: ['_fbp'], required: false })
    expect(config.categories[0]!.label).toBeUndefined()
    expect(config.texts).toEqual({ acceptAll: 'Allow all' })
  })

  test('names the path of a wrong type', () => {
    expect(problems({ categories: { analytics: { cookies: [1] } } })).toEqual([
      'categories.analytics.cookies[0]: expected a string'
    ])
  })

  test('rejects unknown keys so a typo cannot weaken protection', () => {
    let list = problems({ gcp: false, categories: { analytics: { cookeis: ['x'] } }, texts: { acept: 'x' } })
    expect(list).toHaveLength(3)
    expect(list[0]).toMatch(/^gcp: unknown key/)
    expect(list[1]).toMatch(/^categories\.analytics\.cookeis: unknown key/)
    expect(list[2]).toMatch(/^texts\.acept: unknown key/)
  })

  test('lists every problem at once', () => {
    let error = (() => {
      try {
        resolveConfig({ revision: -1, expiresDays: 'long', gpc: 'yes', cookie: { sameSite: 'lax' } })
      } catch (e) {
        return e as CookiegateConfigError
      }
    })()!
    expect(error.problems.map((p) => p.split(':')[0])).toEqual(['cookie.sameSite', 'revision', 'expiresDays', 'gpc'])
    expect(error.message).toContain('- revision: expected a whole number')
  })

  test('refuses a javascript: policy link', () => {
    expect(problems({ policyUrl: 'javascript:alert(1)' })[0]).toMatch(/^policyUrl: .* must be an http\(s\) or relative URL/)
    // Browsers drop tabs and newlines in URLs and control characters at their ends.
    for (let url of ['java\tscript:alert(1)', 'java\nscript:alert(1)', '\x01javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'vbscript:x']) {
      expect(problems({ policyUrl: url })[0], JSON.stringify(url)).toMatch(/^policyUrl: .* must be an http\(s\) or relative URL/)
    }
    expect(resolveConfig({ policyUrl: '/privacy' }).policyUrl).toBe('/privacy')
    expect(resolveConfig({ policyUrl: 'https://example.com/privacy' }).policyUrl).toBe('https://example.com/privacy')
  })

  test('rejects a config that is not an object', () => {
    expect(problems([])).toEqual(['config: expected an object, got an array'])
    expect(problems('x')).toEqual(['config: expected an object, got string'])
  })

  test('rejects empty categories and odd category names', () => {
    expect(problems({ categories: {} })).toEqual(['categories: expected at least one category'])
    expect(problems({ categories: { 'bad name': {} } })[0]).toMatch(/^categories\.bad name: category names/)
  })

  test('rejects cookie globs that are not cookie names', () => {
    expect(problems({ categories: { a: { cookies: ['a;b'] } } })[0]).toMatch(/^categories\.a\.cookies\[0\]: "a;b" is not/)
  })

  test('checks cookie attributes', () => {
    expect(problems({ cookie: { name: 'a b', domain: 'exa mple', path: 'x' } }).map((p) => p.split(':')[0])).toEqual([
      'cookie.name',
      'cookie.domain',
      'cookie.path'
    ])
    expect(resolveConfig({ cookie: { domain: 'shop.test', sameSite: 'Strict' } }).cookie).toMatchObject({
      domain: 'shop.test',
      sameSite: 'Strict'
    })
  })

  test('takes language, layout, position, theme and shadow, with defaults', () => {
    expect(resolveConfig()).toMatchObject({ language: 'auto', layout: 'bar', position: 'bottom', theme: 'auto', shadow: true })
    expect(resolveConfig({ layout: 'box' }).position).toBe('bottom-right')
    expect(resolveConfig({ language: 'pt-BR', layout: 'box', position: 'top-left', theme: 'dark', shadow: false })).toMatchObject({
      language: 'pt-br',
      position: 'top-left',
      theme: 'dark',
      shadow: false
    })
  })

  test('names bad UI options by path', () => {
    expect(problems({ layout: 'popup', theme: 'blue', shadow: 'no' }).map((p) => p.split(':')[0])).toEqual([
      'layout',
      'theme',
      'shadow'
    ])
    expect(problems({ layout: 'bar', position: 'top-left' })[0]).toMatch(/^position: expected "bottom", "top"/)
  })

  test('refuses a pinned language without texts, and accepts one given in texts', () => {
    expect(problems({ language: 'ja' })[0]).toMatch(/^language: no texts for "ja"/)
    expect(problems({ language: 'en_US' })[0]).toMatch(/^language: "en_US" is not "auto" or a language code/)
    expect(resolveConfig({ language: 'ja', texts: { ja: { acceptAll: 'すべて許可' } } }).translations).toEqual({
      ja: { acceptAll: 'すべて許可' }
    })
  })

  test('takes flat texts for any language and texts per language', () => {
    let config = resolveConfig({ texts: { acceptAll: 'OK', de: { acceptAll: 'Einverstanden' }, 'pt-BR': { save: 'Salvar' } } })
    expect(config.texts).toEqual({ acceptAll: 'OK' })
    expect(config.translations).toEqual({ de: { acceptAll: 'Einverstanden' }, 'pt-br': { save: 'Salvar' } })
    expect(problems({ texts: { de: { acept: 'x' } } })[0]).toMatch(/^texts\.de\.acept: unknown key/)
    expect(problems({ texts: { de: 'x' } })[0]).toMatch(/^texts\.de: expected an object/)
  })

  test('takes category labels per language and checks their keys', () => {
    let [category] = resolveConfig({ categories: { stats: { label: { en: 'Statistics', DE: 'Statistik' } } } }).categories
    expect(category!.label).toEqual({ en: 'Statistics', de: 'Statistik' })
    expect(problems({ categories: { stats: { label: { english: 'x' } } } })[0]).toMatch(/^categories\.stats\.label\.english: expected a language code/)
    expect(problems({ categories: { stats: { description: {} } } })[0]).toMatch(/^categories\.stats\.description: expected a string or an object/)
  })

  test('takes services and cookie tables, and checks them by path', () => {
    let [, analytics] = resolveConfig({
      categories: {
        essential: { cookieTable: [{ name: 'session', purpose: 'Keeps you signed in', duration: 'Session' }] },
        analytics: {
          services: { posthog: { label: 'PostHog', cookies: ['ph_*'], cookieTable: [{ name: 'ph_*_posthog', provider: 'PostHog' }] } }
        }
      }
    }).categories
    expect(analytics!.services).toEqual([
      {
        name: 'posthog',
        category: 'analytics',
        label: 'PostHog',
        description: undefined,
        cookies: ['ph_*'],
        storage: [],
        cookieTable: [{ name: 'ph_*_posthog', provider: 'PostHog', purpose: undefined, duration: undefined }]
      }
    ])
    expect(
      problems({
        categories: {
          analytics: { services: { posthog: { cookie: [] }, analytics: {} }, cookieTable: [{ purpose: 'x' }, 'y'] },
          ads: { services: { posthog: {} } }
        }
      })
    ).toEqual([
      'categories.analytics.services.posthog.cookie: unknown key (expected one of label, description, cookies, storage, cookieTable)',
      'categories.analytics.services.analytics: "analytics" is already the name of a category or service',
      'categories.analytics.cookieTable[0].name: expected a non-empty string',
      'categories.analytics.cookieTable[1]: expected an object',
      'categories.ads.services.posthog: "posthog" is already the name of a category or service'
    ])
  })
})

describe('integrations and receipts config', () => {
  test('fills in the PostHog category and the Consent Mode wait', () => {
    let config = resolveConfig({
      integrations: { posthog: { token: 'phc_1', apiHost: 'https://eu.i.posthog.com' }, googleConsentMode: { analytics_storage: 'analytics' } },
      receipts: { url: '/consent-receipts' }
    })
    expect(config.integrations.posthog).toEqual({ token: 'phc_1', apiHost: 'https://eu.i.posthog.com', category: 'analytics', service: undefined, options: {} })
    expect(config.integrations.googleConsentMode).toEqual({ analytics_storage: 'analytics', wait_for_update: 500 })
    expect(config.receipts).toEqual({ url: '/consent-receipts' })
  })

  test('has no integrations and no receipts unless configured', () => {
    let config = resolveConfig()
    expect(config.integrations).toEqual({})
    expect(config.receipts).toBeNull()
  })

  test('names every bad integration field with its path', () => {
    expect(
      problems({
        integrations: {
          posthog: { apiHost: 'javascript:alert(1)', category: 'marketing', options: 'x', extra: 1 },
          googleConsentMode: { ad_storage: 'ads', analytics_storage: 3, wait_for_update: -1, ads_storage: 'analytics' },
          matomo: {}
        },
        receipts: { url: 'data:text/plain,x' }
      })
    ).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^integrations\.matomo: unknown key/),
        expect.stringMatching(/^integrations\.posthog\.extra: unknown key/),
        expect.stringMatching(/^integrations\.posthog\.token: required/),
        expect.stringMatching(/^integrations\.posthog\.apiHost: "javascript:alert\(1\)" must be an http\(s\) or relative URL/),
        expect.stringMatching(/^integrations\.posthog\.category: expected the name of a configured category, got "marketing"/),
        expect.stringMatching(/^integrations\.posthog\.options: expected an object/),
        expect.stringMatching(/^integrations\.googleConsentMode\.ads_storage: unknown key/),
        expect.stringMatching(/^integrations\.googleConsentMode\.ad_storage: expected the name of a configured category or service, got "ads"/),
        expect.stringMatching(/^integrations\.googleConsentMode\.analytics_storage: expected the name/),
        expect.stringMatching(/^integrations\.googleConsentMode\.wait_for_update: expected a whole number/),
        expect.stringMatching(/^receipts\.url: "data:text\/plain,x" must be an http\(s\) or relative URL/)
      ])
    )
  })

  test('requires a PostHog api host and a receipts url', () => {
    expect(problems({ integrations: { posthog: { token: 't' } }, receipts: {} })).toEqual([
      'integrations.posthog.apiHost: required',
      'receipts.url: required'
    ])
  })

  test('accepts a reverse-proxy path as the PostHog api host', () => {
    expect(resolveConfig({ integrations: { posthog: { token: 't', apiHost: '/ingest' } } }).integrations.posthog?.apiHost).toBe('/ingest')
  })
})

describe('region and jurisdictions config', () => {
  test('the most specific code wins, and an unknown or unlisted region is opt-in', () => {
    let jurisdictions = { US: 'opt-out', 'US-CO': 'opt-in' } as const
    let model = (region: string | null | undefined) => resolveConfig({ region, jurisdictions }).jurisdiction
    expect([model('US-CA'), model('US-CO'), model('US'), model('DE'), model(null), model(undefined)]).toEqual([
      'opt-out',
      'opt-in',
      'opt-out',
      'opt-in',
      'opt-in',
      'opt-in'
    ])
    expect(resolveConfig({ region: 'us-ca', jurisdictions: { us: 'opt-out' } })).toMatchObject({
      region: 'US-CA',
      jurisdictions: { US: 'opt-out' },
      jurisdiction: 'opt-out'
    })
  })

  test('a config without them is opt-in, as before', () => {
    expect(resolveConfig()).toMatchObject({ region: null, jurisdictions: null, jurisdiction: 'opt-in' })
    // A page cached for every region lists the jurisdictions and leaves the region out.
    expect(resolveConfig({ jurisdictions: { US: 'opt-out' } }).jurisdiction).toBe('opt-in')
  })

  test('names malformed codes, unknown models and a region without jurisdictions', () => {
    expect(problems({ region: 'California', jurisdictions: { USA: 'opt-out', US: 'optout', 'US-CA': 'opt-out', DE: true } })).toEqual([
      'jurisdictions.USA: "USA" is not an ISO 3166 code such as "US" or "US-CA"',
      'jurisdictions.US: expected "opt-in", "opt-out"',
      'jurisdictions.DE: expected "opt-in", "opt-out"',
      'region: "California" is not an ISO 3166 code such as "US" or "US-CA"'
    ])
    expect(problems({ region: 'US-CA' })).toEqual(['region: needs jurisdictions to choose a model'])
    expect(problems({ region: 5, jurisdictions: [] })).toEqual([
      'jurisdictions: expected an object',
      'region: 5 is not an ISO 3166 code such as "US" or "US-CA"'
    ])
  })

})
