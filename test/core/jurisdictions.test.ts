import { afterEach, describe, expect, test, vi } from 'vitest'
import { CookiegateConfigError, resolveConfig } from '../../src/core/config'
import { createReceipt } from '../../src/core/receipts'
import { createChoiceStore, randomId } from '../../src/core/storage'
import type { Config } from '../../src/core/types'
import { consentDefault, googleConsentMode } from '../../src/integrations/google-consent-mode'
import { useInstances } from '../instances'

const CATEGORIES = { essential: { required: true }, analytics: { storage: ['ph_*'] }, marketing: {} }
const US_CA: Config = { categories: CATEGORIES, region: 'US-CA', jurisdictions: { US: 'opt-out', 'US-CA': 'opt-out' } }
const DE: Config = { categories: CATEGORIES, region: 'DE', jurisdictions: { US: 'opt-out', 'US-CA': 'opt-out' } }
const create = useInstances()

const setGpc = (value: boolean | undefined) => Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true })
const cookie = () => document.cookie.split('; ').find((c) => c.startsWith('cookiegate='))
const store = (method: 'accept-all' | 'reject-all', config: Config) => {
  let now = new Date().toISOString()
  let on = method === 'accept-all'
  createChoiceStore(resolveConfig(config)).write({
    decided: true,
    categories: { essential: true, analytics: on, marketing: on },
    services: {},
    revision: 0,
    id: randomId(),
    given: now,
    updated: now,
    method
  })
}
afterEach(() => {
  setGpc(undefined)
  delete (window as { dataLayer?: unknown }).dataLayer
  vi.restoreAllMocks()
})

describe('jurisdictions config', () => {
  test('a bad jurisdictions config fails closed: nothing optional is allowed', () => {
    expect(() => create({ ...US_CA, jurisdictions: { 'US-CA': 'allow' as never } })).toThrow(CookiegateConfigError)
  })
})

// Every model × stored choice × GPC: what the visitor starts with, before doing anything.
describe('start-up in each model', () => {
  type Row = [model: string, stored: 'none' | 'accept-all' | 'reject-all', gpc: boolean, decided: boolean, method: string | null, analytics: boolean, view: string]
  const rows: Row[] = [
    ['opt-in', 'none', false, false, null, false, 'banner'],
    ['opt-in', 'none', true, true, 'gpc', false, 'none'],
    ['opt-in', 'accept-all', false, true, 'accept-all', true, 'none'],
    ['opt-in', 'accept-all', true, true, 'accept-all', true, 'none'],
    ['opt-in', 'reject-all', false, true, 'reject-all', false, 'none'],
    ['opt-in', 'reject-all', true, true, 'reject-all', false, 'none'],
    ['opt-out', 'none', false, false, 'opt-out', true, 'none'],
    ['opt-out', 'none', true, true, 'gpc', false, 'none'],
    ['opt-out', 'accept-all', false, true, 'accept-all', true, 'none'],
    ['opt-out', 'accept-all', true, true, 'accept-all', true, 'none'],
    ['opt-out', 'reject-all', false, true, 'reject-all', false, 'none'],
    ['opt-out', 'reject-all', true, true, 'reject-all', false, 'none']
  ]
  test.each(rows)('%s, stored %s, GPC %s → decided %s, method %s, analytics %s, view %s', (model, stored, gpc, decided, method, analytics, view) => {
    let config = model === 'opt-out' ? US_CA : DE
    if (stored !== 'none') store(stored, config)
    let before = cookie()
    setGpc(gpc)
    let cg = create(config)
    let state = cg.consent.get()
    expect([state.decided, state.method, state.categories.analytics, state.categories.marketing, cg.view.get()]).toEqual([
      decided,
      method,
      analytics,
      analytics,
      view
    ])
    expect(cg.allowed('analytics')).toBe(analytics)
    // Starting writes nothing: neither the opt-out default nor a GPC refusal is stored.
    expect(cookie()).toBe(before)
  })

  test('a region without a model of its own, and no region, behave as opt-in', () => {
    for (let config of [DE, { categories: CATEGORIES }, { categories: CATEGORIES, jurisdictions: US_CA.jurisdictions }]) {
      let cg = create(config)
      expect([cg.consent.get().method, cg.allowed('analytics'), cg.view.get()]).toEqual([null, false, 'banner'])
      cg.destroy()
    }
  })
})

describe('opting out', () => {
  test('a gated tag runs with no click in an opt-out region, and not in an opt-in one', async () => {
    document.body.innerHTML = '<script type="text/plain" data-category="analytics">window.ran = (window.ran || 0) + 1</script>'
    let w = window as { ran?: number }
    create(DE)
    await Promise.resolve()
    expect(w.ran).toBeUndefined()
    create(US_CA)
    await vi.waitFor(() => expect(w.ran).toBe(1))
    delete w.ran
  })

  test('a refusal in the preferences is stored like any choice, withdraws and erases', () => {
    let cg = create(US_CA)
    localStorage.setItem('ph_token_posthog', 'x')
    let changes: string[] = []
    cg.onChange((state) => changes.push(`${state.method}:${state.categories.analytics}`))
    cg.save({ analytics: false, marketing: false })
    expect(changes).toEqual(['custom:false'])
    expect(cg.allowed('analytics')).toBe(false)
    expect(localStorage.getItem('ph_token_posthog')).toBeNull()
    expect(JSON.parse(decodeURIComponent(cookie()!.split('=')[1]!))).toMatchObject({ method: 'custom', categories: { analytics: false } })
    // The next page view reads the refusal: it wins over the opt-out default.
    cg.destroy()
    let next = create(US_CA)
    expect([next.consent.get().method, next.allowed('analytics'), next.view.get()]).toEqual(['custom', false, 'none'])
  })

  test('reset in an opt-out region goes back to the opt-out default', () => {
    let cg = create(US_CA)
    cg.rejectAll()
    cg.reset()
    expect([cg.consent.get().method, cg.allowed('analytics'), cg.view.get(), cookie()]).toEqual(['opt-out', true, 'none', undefined])
  })

  test('a receipt names the model the choice was made under', () => {
    let optOut = resolveConfig(US_CA)
    let optIn = resolveConfig(DE)
    let state = { decided: true, categories: { essential: true, analytics: false }, services: {}, revision: 0, id: 'x', given: null, updated: null, method: 'custom' } as const
    expect(createReceipt(optOut, state, 'https://example.test/').model).toBe('opt-out')
    expect(createReceipt(optIn, state, 'https://example.test/').model).toBe('opt-in')
  })

  test('a refusal in an opt-out region sends a receipt', async () => {
    let beacon = vi.fn(() => true)
    Object.defineProperty(navigator, 'sendBeacon', { value: beacon, configurable: true })
    let { createConsent } = await import('../../src/core/consent')
    let { sendChoice } = await import('../../src/core/receipts')
    let cg = createConsent({ ...US_CA, receipts: { url: '/receipts' } }, { receipt: (config, state) => sendChoice(config, state) })
    cg.rejectAll()
    cg.destroy()
    expect(beacon).toHaveBeenCalledTimes(1)
    expect(JSON.parse((beacon.mock.calls[0] as unknown as [string, string])[1])).toMatchObject({ method: 'reject-all', model: 'opt-out', categories: { analytics: false } })
  })
})

describe('Google Consent Mode by model', () => {
  const entries = () =>
    ((window as unknown as { dataLayer: unknown[] }).dataLayer || []).map((e) => Array.from(e as ArrayLike<unknown>))
  const DENIED = { ad_storage: 'denied', analytics_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', wait_for_update: 500 }
  const GRANTED = { ad_storage: 'granted', analytics_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted', wait_for_update: 500 }

  test('grants by default in an opt-out region until a refusal', () => {
    let cg = create(US_CA)
    googleConsentMode(cg)
    expect(entries()[0]).toEqual(['consent', 'default', GRANTED])
    cg.rejectAll()
    let denied: Record<string, unknown> = { ...DENIED }
    delete denied.wait_for_update
    expect(entries().filter((e) => e[1] === 'update').at(-1)).toEqual(['consent', 'update', denied])
  })

  test('denies by default under GPC, and in an opt-in region', () => {
    setGpc(true)
    googleConsentMode(create(US_CA))
    expect(entries()[0]).toEqual(['consent', 'default', DENIED])
    delete (window as { dataLayer?: unknown }).dataLayer
    setGpc(false)
    googleConsentMode(create(DE))
    expect(entries()).toEqual([['consent', 'default', DENIED]])
  })

  test('without a known region, each model gets a default for its regions (a page cached for every region)', () => {
    let input: Config = { categories: CATEGORIES, jurisdictions: { US: 'opt-out', 'US-CO': 'opt-in', 'US-CA': 'opt-out' } }
    consentDefault({}, resolveConfig(input), create(input).consent.get())
    expect(entries()).toEqual([
      ['consent', 'default', DENIED],
      ['consent', 'default', { ...DENIED, region: ['US-CO'] }],
      ['consent', 'default', { ...GRANTED, region: ['US', 'US-CA'] }]
    ])
  })
})
