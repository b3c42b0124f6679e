import fc from 'fast-check'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { createConsent } from '../../src/core/consent'
import { CookiegateConfigError, resolveConfig } from '../../src/core/config'
import { createChoiceStore, randomId } from '../../src/core/storage'
import type { Config, Cookiegate } from '../../src/core/types'
import { inAnotherTab } from '../instances'

let instances: Cookiegate[] = []
const create = (config?: Config) => {
  let cg = createConsent(config)
  instances.push(cg)
  return cg
}
const stored = () => {
  let raw = document.cookie.split('; ').find((c) => c.startsWith('cookiegate='))
  return raw ? JSON.parse(decodeURIComponent(raw.slice('cookiegate='.length))) : undefined
}
/** A stored choice of `analytics`; `others` are further categories, which make it a custom choice. */
const storeChoice = (analytics: boolean, config?: Config, others: Record<string, boolean> = {}) => {
  let now = new Date().toISOString()
  createChoiceStore(resolveConfig(config)).write({
    decided: true,
    categories: { essential: true, analytics, ...others },
    services: {},
    revision: 0,
    id: randomId(),
    given: now,
    updated: now,
    method: Object.keys(others).length ? 'custom' : analytics ? 'accept-all' : 'reject-all'
  })
}
const setGpc = (value: boolean | undefined) =>
  Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true })

afterEach(() => {
  instances.forEach((cg) => cg.destroy())
  instances = []
  setGpc(undefined)
  vi.restoreAllMocks()
})

describe('first visit', () => {
  test('starts undecided with every optional category off and the banner up', () => {
    let cg = create()
    expect(cg.consent.get()).toEqual({
      decided: false,
      categories: { essential: true, analytics: false },
      services: {},
      revision: 0,
      id: null,
      given: null,
      updated: null,
      method: null
    })
    expect(cg.view.get()).toBe('banner')
    expect(cg.allowed('essential')).toBe(true)
    expect(cg.allowed('analytics')).toBe(false)
    expect(stored()).toBeUndefined()
  })

  test('never allows a category that is not configured', () => {
    let cg = create()
    cg.acceptAll()
    expect(cg.allowed('marketing')).toBe(false)
    expect(cg.allowed('constructor')).toBe(false)
  })

  test('throws CookiegateConfigError for a bad config', () => {
    expect(() => create({ categories: { analytics: { cookies: [1 as never] } } })).toThrow(
      'categories.analytics.cookies[0]: expected a string'
    )
  })
})

describe('choices', () => {
  test('accept all allows everything and stores the choice', () => {
    let cg = create()
    cg.acceptAll()
    let state = cg.consent.get()
    expect(state).toMatchObject({ decided: true, method: 'accept-all', categories: { essential: true, analytics: true } })
    expect(state.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(cg.view.get()).toBe('none')
    expect(stored()).toEqual({
      v: 1,
      revision: 0,
      id: state.id,
      given: state.given,
      updated: state.updated,
      categories: { essential: true, analytics: true },
      method: 'accept-all'
    })
  })

  test('reject all refuses every optional category and stores the choice', () => {
    let cg = create()
    cg.rejectAll()
    expect(cg.allowed('analytics')).toBe(false)
    expect(stored()).toMatchObject({ method: 'reject-all', categories: { essential: true, analytics: false } })
  })

  test('save stores a custom choice and refuses what it leaves out', () => {
    let cg = create({ categories: { essential: { required: true }, analytics: {}, marketing: {} } })
    cg.save({ analytics: true })
    expect(cg.consent.get().categories).toEqual({ essential: true, analytics: true, marketing: false })
    expect(stored().method).toBe('custom')
  })

  test('save cannot turn a required category off', () => {
    let cg = create()
    cg.save({ essential: false, analytics: false })
    expect(cg.allowed('essential')).toBe(true)
  })

  test('save names unknown categories in an error and refuses them', () => {
    let error = vi.spyOn(console, 'error').mockImplementation(() => {})
    let cg = create()
    cg.save({ analytic: true } as never)
    expect(error).toHaveBeenCalledWith(expect.stringContaining('analytic'))
    expect(cg.allowed('analytics')).toBe(false)
  })

  test('save names input that is not { name: boolean } in an error and refuses what it does not allow', () => {
    let error = vi.spyOn(console, 'error').mockImplementation(() => {})
    let cg = create()
    cg.acceptAll()
    for (let [input, named] of [
      ['analytics', 'not string'],
      [null, 'not null'],
      [[true], 'not an array'],
      [{ analytics: 'yes' }, 'not analytics: string'],
      [{ analytics: 1n, analytic: true }, 'not analytics: bigint, analytic (unknown)']
    ] as const) {
      error.mockClear()
      cg.acceptAll()
      expect(() => cg.save(input as never)).not.toThrow()
      expect(error).toHaveBeenCalledTimes(1)
      expect(error.mock.calls[0]![0]).toContain(named)
      expect(cg.allowed('analytics')).toBe(false)
    }
    error.mockClear()
    cg.save({ analytics: true })
    expect(error).not.toHaveBeenCalled()
  })

  test('onChange names a listener that is not a function, and a later choice still works', () => {
    let error = vi.spyOn(console, 'error').mockImplementation(() => {})
    let cg = create()
    let stop = cg.onChange(null as never)
    expect(error.mock.calls[0]![0]).toContain('onChange() takes a function')
    expect(() => cg.acceptAll()).not.toThrow()
    expect(cg.allowed('analytics')).toBe(true)
    expect(() => stop()).not.toThrow()
  })

  test('keeps the consent id and first date when the choice changes', async () => {
    let cg = create()
    cg.acceptAll()
    let first = cg.consent.get()
    await new Promise((r) => setTimeout(r, 5))
    cg.rejectAll()
    let second = cg.consent.get()
    expect(second.id).toBe(first.id)
    expect(second.given).toBe(first.given)
    expect(second.updated! > first.updated!).toBe(true)
  })

  test('freezes the state so listeners cannot change it', () => {
    let cg = create()
    cg.rejectAll()
    let state = cg.consent.get()
    expect(Object.isFrozen(state) && Object.isFrozen(state.categories)).toBe(true)
  })
})

describe('returning visitor', () => {
  test('reads the stored choice and shows no banner', () => {
    storeChoice(true)
    let cg = create()
    expect(cg.consent.get()).toMatchObject({ decided: true, method: 'accept-all' })
    expect(cg.allowed('analytics')).toBe(true)
    expect(cg.view.get()).toBe('none')
  })

  test('asks again after a revision bump', () => {
    storeChoice(true)
    let cg = create({ revision: 1 })
    expect(cg.consent.get().decided).toBe(false)
    expect(cg.allowed('analytics')).toBe(false)
    expect(cg.view.get()).toBe('banner')
  })

  test('asks again when the cookie was tampered with', () => {
    document.cookie = 'cookiegate=' + encodeURIComponent('{"v":1,"categories":{"analytics":true}}') + '; path=/'
    let cg = create()
    expect(cg.consent.get().decided).toBe(false)
    expect(cg.allowed('analytics')).toBe(false)
  })

  test('reset forgets the choice and asks again', () => {
    storeChoice(true)
    let cg = create()
    cg.reset()
    expect(stored()).toBeUndefined()
    expect(cg.consent.get().decided).toBe(false)
    expect(cg.allowed('analytics')).toBe(false)
    expect(cg.view.get()).toBe('banner')
  })
})

describe('Global Privacy Control', () => {
  test('refuses optional categories without a banner and stores nothing', () => {
    setGpc(true)
    let cg = create()
    expect(cg.consent.get()).toMatchObject({ decided: true, method: 'gpc', categories: { analytics: false } })
    expect(cg.view.get()).toBe('none')
    expect(stored()).toBeUndefined()
  })

  test('an explicit choice made in the preferences is stored and wins', () => {
    setGpc(true)
    let cg = create()
    cg.save({ analytics: true })
    expect(stored()).toMatchObject({ method: 'custom', categories: { analytics: true } })
    instances.pop()!.destroy()
    expect(create().allowed('analytics')).toBe(true)
  })

  test('a stored choice wins over the signal', () => {
    storeChoice(true)
    setGpc(true)
    expect(create().consent.get().method).toBe('accept-all')
  })

  test('gpc: false turns it off', () => {
    setGpc(true)
    let cg = create({ gpc: false })
    expect(cg.consent.get().decided).toBe(false)
    expect(cg.view.get()).toBe('banner')
  })
})

describe('withdrawal', () => {
  test('deletes the cookies and storage of a withdrawn category', () => {
    let cg = create()
    cg.acceptAll()
    document.cookie = 'ph_abc_posthog=1; path=/'
    document.cookie = '_ga=GA1; path=/; domain=example.test'
    document.cookie = 'session=keep; path=/'
    localStorage.setItem('ph_abc_window', '1')
    localStorage.setItem('theme', 'dark')
    cg.save({ analytics: false })
    expect(document.cookie).not.toMatch(/ph_abc_posthog|_ga=/)
    expect(document.cookie).toContain('session=keep')
    expect(localStorage.getItem('ph_abc_window')).toBeNull()
    expect(localStorage.getItem('theme')).toBe('dark')
  })

  test('deletes leftovers of a refused category at start-up', () => {
    storeChoice(false)
    document.cookie = '_ga=old; path=/'
    create()
    expect(document.cookie).not.toContain('_ga=')
  })

  test('deletes the leftovers of a refused category before an allowed tag runs', () => {
    let config: Config = { categories: { essential: { required: true }, analytics: {}, marketing: { cookies: ['_fbp'], storage: ['fb_*'] } } }
    storeChoice(true, config, { marketing: false })
    document.cookie = '_fbp=old; path=/'
    localStorage.setItem('fb_id', 'old')
    document.body.innerHTML =
      '<script type="text/plain" data-category="analytics">window.sawLeftover = document.cookie.indexOf("_fbp=") >= 0 || window.localStorage.getItem("fb_id") !== null</script>'
    create(config)
    expect((window as { sawLeftover?: boolean }).sawLeftover).toBe(false)
    delete (window as { sawLeftover?: boolean }).sawLeftover
  })

  test('keeps the cookies of an allowed category', () => {
    storeChoice(true)
    document.cookie = '_ga=mine; path=/'
    create()
    expect(document.cookie).toContain('_ga=mine')
  })

  // The reload comes a moment later, once the withdrawal's receipt (none here) is on its way.
  const aMomentLater = () => new Promise((r) => setTimeout(r, 0))
  /** A gated inline tag on the page, and `location.reload` as a spy. */
  const gatedTagAndReloadSpy = () => {
    let reload = vi.fn()
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload } as Location)
    document.body.innerHTML = '<script type="text/plain" data-category="analytics">window.ran = 1</script>'
    return reload
  }

  test('reloads when reloadOnWithdraw is set and a script of the category ran', async () => {
    let reload = gatedTagAndReloadSpy()
    let cg = create({ reloadOnWithdraw: true })
    cg.acceptAll()
    cg.rejectAll()
    await aMomentLater()
    expect(reload).toHaveBeenCalledTimes(1)
  })

  test('with receipts, the withdrawal reloads once its receipt is sent, not before', async () => {
    let reload = gatedTagAndReloadSpy()
    let sent: (() => void) | undefined
    let cg = createConsent({ reloadOnWithdraw: true, receipts: { url: 'https://example.test/receipts' } }, {
      receipt: (_config, state) => (state.method === 'reject-all' ? new Promise<void>((done) => (sent = done)) : undefined)
    })
    instances.push(cg)
    cg.acceptAll()
    cg.rejectAll()
    await aMomentLater()
    expect(reload).not.toHaveBeenCalled()
    sent!()
    await aMomentLater()
    expect(reload).toHaveBeenCalledTimes(1)
  })

  test('does not reload by default', async () => {
    let reload = gatedTagAndReloadSpy()
    let cg = create()
    cg.acceptAll()
    cg.rejectAll()
    await aMomentLater()
    expect(reload).not.toHaveBeenCalled()
  })
})

describe('listeners and events', () => {
  test('onChange gets every change and can unsubscribe', () => {
    let cg = create()
    let seen: string[] = []
    let off = cg.onChange((state) => seen.push(state.method!))
    cg.acceptAll()
    cg.rejectAll()
    off()
    cg.acceptAll()
    expect(seen).toEqual(['accept-all', 'reject-all'])
  })

  test('an onChange listener that throws does not stop the change, the other listeners or the caller; its error is reported', () => {
    vi.useFakeTimers()
    try {
      let cg = create()
      let seen: string[] = []
      cg.onChange(() => {
        throw new Error('page listener broke')
      })
      cg.onChange((state) => seen.push(state.method!))
      expect(() => cg.acceptAll()).not.toThrow()
      expect(seen).toEqual(['accept-all'])
      expect(cg.allowed('analytics')).toBe(true)
      expect(stored()?.method).toBe('accept-all')
      // Reported as uncaught, a moment later, as a DOM event listener's error would be.
      expect(() => vi.runAllTimers()).toThrow('page listener broke')
    } finally {
      vi.useRealTimers()
    }
  })

  test('fires cookiegate:change on document with the state', () => {
    let cg = create()
    let detail: unknown
    document.addEventListener('cookiegate:change', (e) => (detail = (e as CustomEvent).detail), { once: true })
    cg.acceptAll()
    expect(detail).toBe(cg.consent.get())
  })

  test('fires cookiegate:ready once after start-up', async () => {
    let ready = vi.fn()
    document.addEventListener('cookiegate:ready', ready)
    create()
    await Promise.resolve()
    document.removeEventListener('cookiegate:ready', ready)
    expect(ready).toHaveBeenCalledTimes(1)
    expect(ready.mock.calls[0]![0].detail).toMatchObject({ decided: false })
  })

  test('whenAllowed resolves once the category is allowed', async () => {
    let cg = create()
    let resolved = false
    let promise = cg.whenAllowed('analytics').then(() => (resolved = true))
    cg.rejectAll()
    await Promise.resolve()
    expect(resolved).toBe(false)
    cg.acceptAll()
    await promise
    expect(resolved).toBe(true)
  })

  test('whenAllowed resolves at once when already allowed', async () => {
    storeChoice(true)
    await expect(create().whenAllowed('analytics')).resolves.toBeUndefined()
  })
})

describe('settings links', () => {
  test('a click on any [data-cookie-settings] element opens the preferences', () => {
    let cg = create()
    cg.rejectAll()
    document.body.innerHTML = '<footer><a href="#top" data-cookie-settings><span>Cookie Settings</span></a></footer>'
    let event = new MouseEvent('click', { bubbles: true, cancelable: true })
    document.querySelector('span')!.dispatchEvent(event)
    expect(cg.view.get()).toBe('preferences')
    expect(event.defaultPrevented).toBe(true)
  })

  test('works for links added after start-up and for Enter on a non-button element', () => {
    let cg = create()
    cg.rejectAll()
    let link = document.createElement('span')
    link.setAttribute('data-cookie-settings', '')
    link.tabIndex = 0
    document.body.append(link)
    link.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }))
    expect(cg.view.get()).toBe('preferences')
    cg.close()
    link.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true }))
    expect(cg.view.get()).toBe('preferences')
  })

  test('close brings the banner back while undecided', () => {
    let cg = create()
    cg.open()
    cg.close()
    expect(cg.view.get()).toBe('banner')
  })
})

describe('destroy', () => {
  test('removes the settings listener, the observer and store listeners', async () => {
    let cg = create()
    let changes = vi.fn()
    cg.onChange(changes)
    cg.destroy()
    document.body.innerHTML = '<button data-cookie-settings>Cookie Settings</button>'
    document.querySelector('button')!.click()
    expect(cg.view.get()).toBe('none')
    cg.acceptAll()
    expect(changes).not.toHaveBeenCalled()
    expect(stored()).toBeUndefined()
  })

  test('a new instance works after destroy', () => {
    create().destroy()
    let cg = create()
    document.body.innerHTML = '<button data-cookie-settings>Cookie Settings</button>'
    document.querySelector('button')!.click()
    expect(cg.view.get()).toBe('preferences')
  })
})

describe('other tabs and page lifecycle', () => {
  test('takes up a choice made in another tab, through the same gating path', async () => {
    document.body.innerHTML = `<script type="text/plain" data-category="analytics">window.otherTabRan = (window.otherTabRan || 0) + 1</script>`
    let here = create()
    let there = inAnotherTab(create)
    there.acceptAll()
    await vi.waitFor(() => expect(here.allowed('analytics')).toBe(true))
    expect(here.view.get()).toBe('none')
    expect((window as { otherTabRan?: number }).otherTabRan).toBe(1)
  })

  test('a withdrawal in another tab deletes this page’s cookies and storage of the category', async () => {
    let here = create()
    let there = inAnotherTab(create)
    here.acceptAll()
    await vi.waitFor(() => expect(there.allowed('analytics')).toBe(true))
    document.cookie = '_ga=1; path=/'
    sessionStorage.setItem('ph_window', '1')
    there.save({ analytics: false })
    await vi.waitFor(() => expect(here.allowed('analytics')).toBe(false))
    expect(document.cookie).not.toContain('_ga=')
    expect(sessionStorage.getItem('ph_window')).toBeNull()
  })

  test('a reset in another tab brings the banner back', async () => {
    let here = create()
    let there = inAnotherTab(create)
    here.acceptAll()
    await vi.waitFor(() => expect(there.view.get()).toBe('none'))
    there.reset()
    await vi.waitFor(() => expect(here.view.get()).toBe('banner'))
    expect(here.consent.get().decided).toBe(false)
  })

  test('a page restored from the back/forward cache re-reads the choice', () => {
    let cg = create()
    let changes = vi.fn()
    cg.onChange(changes)
    storeChoice(true)
    dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }))
    expect(cg.allowed('analytics')).toBe(true)
    expect(cg.view.get()).toBe('none')
    dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }))
    expect(changes).toHaveBeenCalledTimes(1)
  })

  test('a prerendered page shows no banner and runs nothing until it is shown', () => {
    storeChoice(true)
    document.body.innerHTML = `<script type="text/plain" data-category="analytics">window.prerenderRan = 1</script>`
    Object.defineProperty(document, 'prerendering', { value: true, configurable: true })
    try {
      let cg = create()
      expect(cg.allowed('analytics')).toBe(false)
      expect((window as { prerenderRan?: number }).prerenderRan).toBeUndefined()
      document.cookie = '_ga=1; path=/'
      Object.defineProperty(document, 'prerendering', { value: false, configurable: true })
      document.dispatchEvent(new Event('prerenderingchange'))
      expect(cg.allowed('analytics')).toBe(true)
      expect((window as { prerenderRan?: number }).prerenderRan).toBe(1)
      // The consenting visitor's analytics cookies were not swept while the page was hidden.
      expect(document.cookie).toContain('_ga=1')
    } finally {
      delete (document as { prerendering?: boolean }).prerendering
    }
  })

  test('a prerendered first visit shows the banner once it is shown', () => {
    Object.defineProperty(document, 'prerendering', { value: true, configurable: true })
    try {
      let cg = create()
      expect(cg.view.get()).toBe('none')
      Object.defineProperty(document, 'prerendering', { value: false, configurable: true })
      document.dispatchEvent(new Event('prerenderingchange'))
      expect(cg.view.get()).toBe('banner')
    } finally {
      delete (document as { prerendering?: boolean }).prerendering
    }
  })
})

describe('cookies unavailable', () => {
  test('keeps the choice in memory for the page when document.cookie throws', () => {
    let descriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!
    Object.defineProperty(document, 'cookie', {
      configurable: true,
      get: () => {
        throw new DOMException('blocked', 'SecurityError')
      },
      set: () => {
        throw new DOMException('blocked', 'SecurityError')
      }
    })
    try {
      let cg = create()
      expect(cg.view.get()).toBe('banner')
      cg.acceptAll()
      expect(cg.allowed('analytics')).toBe(true)
      // A re-read (tab shown again) keeps the in-memory choice instead of asking again.
      document.dispatchEvent(new Event('visibilitychange'))
      dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }))
      expect(cg.allowed('analytics')).toBe(true)
      expect(cg.view.get()).toBe('none')
      cg.reset()
      expect(cg.view.get()).toBe('banner')
    } finally {
      delete (document as { cookie?: string }).cookie
      expect(Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')).toEqual(descriptor)
    }
  })
})

describe('generated configs', () => {
  // Each key is usually plausible, now and then wrong: a near miss or anything at all.
  const either = <T>(good: fc.Arbitrary<T>, ...bad: unknown[]) =>
    fc.oneof(
      { weight: 40, arbitrary: good },
      { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
      { weight: bad.length ? 1 : 0, arbitrary: fc.constantFrom(...bad, null) }
    )
  const category = fc.record(
    {
      required: either(fc.boolean(), 'yes'),
      label: either(fc.string({ minLength: 1 }).filter((t) => !!t.trim()), ''),
      description: either(fc.string({ minLength: 1 }).filter((t) => !!t.trim())),
      cookies: either(fc.array(fc.constantFrom('_ga', 'ph_*', '_gid'), { maxLength: 2 }), ['a b'], '_ga'),
      storage: either(fc.array(fc.constantFrom('ph_*', 'key'), { maxLength: 2 }))
    },
    { requiredKeys: [] }
  )
  const categoryName = fc.oneof({ weight: 20, arbitrary: fc.constantFrom('essential', 'analytics', 'marketing', 'ads') }, { weight: 1, arbitrary: fc.constantFrom('1bad', 'x y', '') })
  const config = fc.record(
    {
      policyUrl: either(fc.constantFrom('/privacy', 'https://example.test/p', '//example.test/p'), 'javascript:alert(1)', 'java\tscript:x'),
      categories: either(fc.dictionary(categoryName, category, { minKeys: 1, maxKeys: 3 }), {}, []),
      revision: either(fc.integer({ min: 0, max: 20 }), -1, 1.5),
      expiresDays: either(fc.integer({ min: 1, max: 3650 }), 0, 4000),
      cookie: either(fc.record({ name: either(fc.constantFrom('cg', 'consent'), 'a;b'), sameSite: either(fc.constantFrom('Lax', 'Strict', 'None'), 'lax') }, { requiredKeys: [] })),
      gpc: either(fc.boolean(), 'false'),
      reloadOnWithdraw: either(fc.boolean()),
      ui: fc.constant(false),
      texts: either(fc.dictionary(fc.constantFrom('bannerTitle', 'save', 'acceptAll'), fc.string({ minLength: 1 }).filter((t) => !!t.trim()), { maxKeys: 2 }), { bannerTtile: 'x' })
    },
    { requiredKeys: ['ui'] }
  )
  // Now and then a typo of a real key, which must be refused rather than ignored.
  const configs = fc.tuple(config, fc.integer({ min: 0, max: 19 })).map(([c, n]) => (n ? c : { ...c, gcp: false }))

  test('1,000 generated configs either give a working instance or throw CookiegateConfigError and leave nothing behind', () => {
    let outcomes = { valid: 0, invalid: 0 }
    fc.assert(
      fc.property(configs, (input) => {
        let listeners = vi.spyOn(document, 'addEventListener')
        let ready = vi.fn()
        let before = document.cookie
        let cg: Cookiegate | undefined
        try {
          cg = createConsent(input as Config)
        } catch (error) {
          expect(error).toBeInstanceOf(CookiegateConfigError)
          let { problems } = error as CookiegateConfigError
          expect(problems.length).toBeGreaterThan(0)
          // Every problem names the field it is about.
          for (let problem of problems) expect(problem).toMatch(/^.+: \S/s)
          // Nothing was wired before the config was known to be good.
          expect(listeners).not.toHaveBeenCalled()
          expect(document.cookie).toBe(before)
          outcomes.invalid++
          return
        } finally {
          listeners.mockRestore()
        }
        outcomes.valid++
        document.addEventListener('cookiegate:change', ready)
        try {
          expect(cg.config).toEqual(resolveConfig(input))
          for (let category of cg.config.categories) expect(cg.allowed(category.name)).toBe(category.required)
          cg.acceptAll()
          expect(cg.config.categories.every((c) => cg.allowed(c.name))).toBe(true)
          expect(ready).toHaveBeenCalledTimes(1)
        } finally {
          document.removeEventListener('cookiegate:change', ready)
          cg.destroy()
          document.cookie = `${cg.config.cookie.name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=${cg.config.cookie.path}`
        }
      }),
      { numRuns: 1000 }
    )
    expect(outcomes.valid).toBeGreaterThan(50)
    expect(outcomes.invalid).toBeGreaterThan(50)
  })
})
