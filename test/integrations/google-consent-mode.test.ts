import { afterEach, describe, expect, test, vi } from 'vitest'
import { useInstances } from '../instances'
import { consentDefault, googleConsentMode } from '../../src/integrations/google-consent-mode'

const create = useInstances({ categories: { essential: { required: true }, analytics: {}, marketing: {} } })
afterEach(() => {
  delete (window as { dataLayer?: unknown }).dataLayer
  vi.restoreAllMocks()
})

const layer = () => (window as unknown as { dataLayer: unknown[] }).dataLayer
/** The data layer as plain values: gtag commands (arguments objects) become arrays. */
const entries = () => layer().map((e) => (Object.prototype.toString.call(e) === '[object Arguments]' ? Array.from(e as ArrayLike<unknown>) : e))
const DENIED = { ad_storage: 'denied', analytics_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' }

describe('googleConsentMode', () => {
  test('writes the denied default first, as a gtag arguments object, and no update before a choice', () => {
    googleConsentMode(create())
    expect(Object.prototype.toString.call(layer()[0])).toBe('[object Arguments]')
    expect(entries()).toEqual([['consent', 'default', { ...DENIED, wait_for_update: 500 }]])
  })

  test('grants what the choice allows and tells Google Tag Manager', () => {
    let cg = create()
    googleConsentMode(cg, { functionality_storage: 'essential', wait_for_update: 800 })
    cg.save({ analytics: true })
    expect(entries()).toEqual([
      ['consent', 'default', { ...DENIED, functionality_storage: 'denied', wait_for_update: 800 }],
      ['consent', 'update', { ...DENIED, functionality_storage: 'granted' }],
      ['consent', 'update', { ...DENIED, analytics_storage: 'granted', functionality_storage: 'granted' }],
      { event: 'cookiegate_consent', cookiegate: { categories: { essential: true, analytics: true, marketing: false }, method: 'custom' } }
    ])
  })

  test('repeats a stored choice on the next page load', () => {
    let first = create()
    first.acceptAll()
    first.destroy()
    googleConsentMode(create())
    expect(entries().slice(1, 2)).toEqual([
      ['consent', 'update', { ad_storage: 'granted', analytics_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' }]
    ])
  })

  test('denies again on withdrawal and on reset', () => {
    let cg = create()
    googleConsentMode(cg, { ad_storage: 'analytics', ad_user_data: 'analytics', ad_personalization: 'analytics' })
    cg.acceptAll()
    cg.save({})
    cg.acceptAll()
    cg.reset()
    let updates = entries().filter((e) => Array.isArray(e) && e[1] === 'update').map((e) => (e as unknown[])[2])
    expect(updates.map((u) => (u as Record<string, string>).ad_storage)).toEqual(['granted', 'denied', 'granted', 'denied'])
  })

  test('grants a type that follows a required category at start-up, without a consent event', () => {
    googleConsentMode(create(), { security_storage: 'essential' })
    expect(entries()).toEqual([
      ['consent', 'default', { ...DENIED, security_storage: 'denied', wait_for_update: 500 }],
      ['consent', 'update', { ...DENIED, security_storage: 'granted' }]
    ])
  })

  test('keeps a default that is already in the data layer', () => {
    let dataLayer = ((window as any).dataLayer = [] as unknown[])
    ;(function gtag(..._: unknown[]) {
      dataLayer.push(arguments)
    })('consent', 'default', { ad_storage: 'denied' })
    googleConsentMode(create())
    expect(entries().filter((e) => Array.isArray(e) && e[1] === 'default')).toHaveLength(1)
  })

  test('warns when the Google tag already pushed before the default', () => {
    let warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    ;(window as any).dataLayer = [{ 'gtm.start': 1 }]
    consentDefault({})
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('before the Google tag'))
    expect(entries()[1]).toEqual(['consent', 'default', { ...DENIED, wait_for_update: 500 }])
  })
})
