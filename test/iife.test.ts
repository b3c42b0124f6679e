import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'

// Counts validations: the entry validates a config once when it can (issue #15).
vi.mock('../src/core/config', async (importOriginal) => {
  let original = await importOriginal<typeof import('../src/core/config')>()
  return { ...original, checkConfig: vi.fn(original.checkConfig) }
})
const checkConfig = async () => vi.mocked((await import('../src/core/config')).checkConfig)
// The entry's checks of the page's config (createClosed's own `{ ui: false }` is not one).
const validations = async () => (await checkConfig()).mock.calls.filter(([input]) => JSON.stringify(input) !== '{"ui":false}').length

// Each test loads the script-tag entry afresh, as a page would.
const load = async () => {
  vi.resetModules()
  await import('../src/iife')
  await Promise.resolve()
}
const configElement = (json: string) =>
  document.head.insertAdjacentHTML('beforeend', `<script type="application/json" id="cookiegate-config">${json}</script>`)

afterEach(() => {
  window.Cookiegate?.destroy()
  vi.restoreAllMocks()
})

describe('script-tag entry', () => {
  test('works with no config at all', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    await load()
    expect(window.Cookiegate!.config.categories.map((c) => c.name)).toEqual(['essential', 'analytics'])
    expect(window.Cookiegate!.view.get()).toBe('banner')
  })

  // Cookiegate is off on a bad config: the banner's file (Preact and all) would be fetched for nothing.
  test('starts fetching the banner for a valid config, and not for an invalid one', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const preloads = () => document.head.querySelectorAll('link[rel="modulepreload"][href*="cookiegate-ui-"]').length
    await load()
    expect(preloads()).toBe(1)
    window.Cookiegate!.destroy()
    delete window.Cookiegate
    document.head.querySelectorAll('link[rel="modulepreload"]').forEach((link) => link.remove())
    configElement('{"expiresDays":0}')
    await load()
    expect(window.Cookiegate!.view.get()).toBe('none')
    expect(preloads()).toBe(0)
  })

  // The banner itself comes from dist/cookiegate-ui-<version>.js, which the browser suite loads for real.
  test('names the UI file when it cannot be loaded, and allows nothing', async () => {
    let error = vi.spyOn(console, 'error').mockImplementation(() => {})
    await load()
    await vi.waitFor(() => expect(error).toHaveBeenCalledWith(expect.stringMatching(/cookiegate-ui-\d+\.\d+\.\d+\.js/), expect.anything()))
    expect(window.Cookiegate!.allowed('analytics')).toBe(false)
  })

  test('reads the #cookiegate-config element', async () => {
    configElement('{"policyUrl":"/privacy","categories":{"essential":{"required":true},"marketing":{}}}')
    await load()
    expect(window.Cookiegate!.config.categories.map((c) => c.name)).toEqual(['essential', 'marketing'])
    expect(window.Cookiegate!.config.policyUrl).toBe('/privacy')
  })

  test('falls back to window.cookiegateConfig', async () => {
    window.cookiegateConfig = { revision: 3 }
    await load()
    expect(window.Cookiegate!.config.revision).toBe(3)
  })

  test('gives one instance when included twice', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    await load()
    let first = window.Cookiegate
    await load()
    expect(window.Cookiegate).toBe(first)
  })

  test('fails closed on bad JSON: one error, no banner, nothing allowed', async () => {
    let error = vi.spyOn(console, 'error').mockImplementation(() => {})
    window.log = []
    configElement('{ "categories": ')
    document.body.innerHTML = `<script type="text/plain" data-category="analytics">log.push('ran')</script>`
    await load()
    expect(error).toHaveBeenCalledTimes(1)
    expect(error.mock.calls[0]![0]).toMatch(/#cookiegate-config is not valid JSON/)
    window.Cookiegate!.acceptAll()
    expect(window.Cookiegate!.allowed('analytics')).toBe(false)
    expect(window.log).toEqual([])
    await new Promise((r) => setTimeout(r, 10))
    expect(document.querySelector('.cg-root')).toBeNull()
  })

  test('fails closed on an invalid config and names every bad field', async () => {
    let error = vi.spyOn(console, 'error').mockImplementation(() => {})
    configElement('{"categories":{"analytics":{"cookeis":[]}},"expiresDays":0}')
    await load()
    // Worded once cookiegate-messages-<version>.js has loaded (here: once it failed to).
    await vi.waitFor(() => expect(error).toHaveBeenCalled())
    expect(error).toHaveBeenCalledTimes(1)
    let message = error.mock.calls[0]![0] as string
    expect(message).toContain('categories.analytics.cookeis')
    expect(message).toContain('expiresDays')
    expect(window.Cookiegate!.allowed('analytics')).toBe(false)
    expect(document.querySelector('.cg-root')).toBeNull()
  })

  // Unit tests load no files: the words of the problems (cookiegate-messages-<version>.js) are
  // missing, as when a CDN fails. The browser suite loads them (test/browser/config-messages.test.ts).
  test('without the messages file, one error still names each bad field, the file and that Cookiegate is off', async () => {
    let error = vi.spyOn(console, 'error').mockImplementation(() => {})
    configElement('{"categories":{"analytics":{"cookeis":[]}},"expiresDays":0,"gpc":"no","revision":-1}')
    await load()
    expect(window.Cookiegate!.allowed('analytics')).toBe(false)
    await vi.waitFor(() => expect(error).toHaveBeenCalled())
    expect(error).toHaveBeenCalledTimes(1)
    expect(error.mock.calls[0]![0]).toMatch(
      /^Invalid Cookiegate config:\n- categories\.analytics\.cookeis\n- revision\n- expiresDays\n- gpc\nCookiegate: could not load cookiegate-messages-\d+\.\d+\.\d+\.js.*CORS.*\nCookiegate is off: no banner, and no optional category is allowed\.$/
    )
  })

  test('a failed config ignores an earlier stored consent', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    document.cookie =
      'cookiegate=' +
      encodeURIComponent(
        JSON.stringify({
          v: 1,
          revision: 0,
          id: '3f1c2b4a-1d2e-4f3a-8b9c-0d1e2f3a4b5c',
          given: new Date().toISOString(),
          updated: new Date().toISOString(),
          categories: { essential: true, analytics: true },
          method: 'accept-all'
        })
      ) +
      '; path=/'
    configElement('{"gpc":"no"}')
    await load()
    expect(window.Cookiegate!.allowed('analytics')).toBe(false)
  })

  test('writes the Consent Mode default as the script runs and updates it for a stored choice', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    document.cookie = 'cookiegate=' + encodeURIComponent(JSON.stringify({ v: 1, revision: 0, id: '3f1c2b4a-1d2e-4f3a-8b9c-0d1e2f3a4b5c', given: new Date().toISOString(), updated: new Date().toISOString(), categories: { essential: true, analytics: true }, method: 'accept-all' })) + '; path=/'
    configElement('{"integrations":{"googleConsentMode":{"analytics_storage":"analytics"}}}')
    await load()
    let layer = (window as any).dataLayer.map((e: ArrayLike<unknown>) => Array.from(e).slice(0, 2).join(' '))
    expect(layer).toEqual(['consent default', 'consent update', ''])
    delete (window as any).dataLayer
  })

  test('fails closed on a bad integration: no PostHog, no banner', async () => {
    let error = vi.spyOn(console, 'error').mockImplementation(() => {})
    configElement('{"integrations":{"posthog":{"token":"phc_1","apiHost":"ftp://x"}}}')
    await load()
    await vi.waitFor(() => expect(error).toHaveBeenCalled())
    expect(error.mock.calls[0]![0]).toContain('integrations.posthog.apiHost')
    window.Cookiegate!.acceptAll()
    expect('posthog' in window).toBe(false)
    expect(document.querySelector('script[src*="array.js"]')).toBeNull()
  })
})

// A classic script in <head>, without `defer`: evaluated while the page is still parsing, so page
// scripts run before DOMContentLoaded and may set or change the config meanwhile.
describe('script-tag entry evaluated while the page parses', () => {
  const parsing = () => Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'loading' })
  const parsed = () => {
    delete (document as { readyState?: unknown }).readyState
    document.dispatchEvent(new Event('DOMContentLoaded'))
  }
  beforeEach(async () => (await checkConfig()).mockClear())
  afterEach(() => {
    delete (document as { readyState?: unknown }).readyState
  })

  test('validates the config once after parsing (defer)', async () => {
    configElement('{"revision":2}')
    await load()
    expect(window.Cookiegate!.config.revision).toBe(2)
    expect(await validations()).toBe(1)
  })

  test('validates an unchanged config element once', async () => {
    configElement('{"revision":2}')
    parsing()
    await load()
    expect(window.Cookiegate).toBeUndefined()
    parsed()
    expect(window.Cookiegate!.config.revision).toBe(2)
    expect(await validations()).toBe(1)
  })

  test('uses a window.cookiegateConfig set after the script ran', async () => {
    parsing()
    await load()
    window.cookiegateConfig = { revision: 3 }
    parsed()
    expect(window.Cookiegate!.config.revision).toBe(3)
  })

  test('validates a window.cookiegateConfig changed in place again', async () => {
    let error = vi.spyOn(console, 'error').mockImplementation(() => {})
    let config: Record<string, unknown> = (window.cookiegateConfig = { revision: 1 })
    parsing()
    await load()
    config.expiresDays = 0
    parsed()
    await vi.waitFor(() => expect(error).toHaveBeenCalled())
    expect(error.mock.calls[0]![0]).toContain('expiresDays')
    expect(window.Cookiegate!.allowed('analytics')).toBe(false)
  })

  test('reads a config element rewritten or added after the script ran', async () => {
    configElement('{"revision":1}')
    parsing()
    await load()
    document.getElementById('cookiegate-config')!.textContent = '{"revision":4}'
    parsed()
    expect(window.Cookiegate!.config.revision).toBe(4)
    window.Cookiegate!.destroy()
    delete window.Cookiegate
    document.head.innerHTML = ''
    parsing()
    await load()
    configElement('{"revision":5}')
    parsed()
    expect(window.Cookiegate!.config.revision).toBe(5)
  })
})
