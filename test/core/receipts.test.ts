import { afterEach, describe, expect, test, vi } from 'vitest'
import { resolveConfig } from '../../src/core/config'
import { createReceipt, fnv1a, sendReceipt } from '../../src/core/receipts'
import { useInstances } from '../instances'

const create = useInstances()
let beacons: [string, string][] = []
const fakeBeacon = (accept = true) =>
  Object.defineProperty(navigator, 'sendBeacon', {
    configurable: true,
    value: (url: string, body: string) => {
      beacons.push([url, body])
      return accept
    }
  })
afterEach(() => {
  beacons = []
  delete (navigator as { sendBeacon?: unknown }).sendBeacon
  vi.restoreAllMocks()
})
const bodies = () => beacons.map(([, body]) => JSON.parse(body))

describe('proof-of-consent receipts', () => {
  test('sends one receipt per stored choice, with the consent id of the cookie', () => {
    fakeBeacon()
    let cg = create({ receipts: { url: '/consent-receipts' } })
    cg.acceptAll()
    cg.save({ analytics: false })
    expect(beacons.map(([url]) => url)).toEqual(['/consent-receipts', '/consent-receipts'])
    let [first, second] = bodies()
    let cookie = JSON.parse(decodeURIComponent(document.cookie.split('cookiegate=')[1]!.split(';')[0]!))
    expect(first).toMatchObject({ v: 1, id: cookie.id, method: 'accept-all', categories: { essential: true, analytics: true }, revision: 0 })
    expect(second).toMatchObject({ id: cookie.id, method: 'custom', categories: { analytics: false }, given: first.given })
  })

  test('holds no user agent, no IP and no query string', () => {
    fakeBeacon()
    history.replaceState(null, '', '/checkout?email=a@b.test#step2')
    create({ receipts: { url: '/r' } }).rejectAll()
    let [receipt] = bodies()
    expect(receipt.url).toBe('https://www.example.test/checkout')
    expect(Object.keys(receipt).sort()).toEqual(['categories', 'given', 'hash', 'id', 'method', 'model', 'revision', 'services', 'updated', 'url', 'v', 'version'])
    expect(JSON.stringify(receipt)).not.toContain(navigator.userAgent)
    history.replaceState(null, '', '/page')
  })

  test('sends nothing without a receipts url, for a GPC refusal or on reset', () => {
    fakeBeacon()
    create().acceptAll()
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true })
    let cg = create({ receipts: { url: '/r' } })
    cg.reset()
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: undefined, configurable: true })
    expect(cg.consent.get().method).toBe('gpc')
    expect(beacons).toEqual([])
  })

  test('the hash changes with the wording shown and not with the choice', () => {
    let state = { decided: true, categories: { essential: true, analytics: true }, revision: 0, id: 'x', given: null, updated: null, method: 'accept-all', services: {} } as const
    let hash = (texts = {}) => createReceipt(resolveConfig({ texts }), state).hash
    expect(hash()).toMatch(/^[0-9a-f]{8}$/)
    expect(hash()).toBe(createReceipt(resolveConfig(), { ...state, method: 'custom', categories: { essential: true, analytics: false } }).hash)
    expect(hash({ bannerText: 'We would like to count visits.' })).not.toBe(hash())
    expect(fnv1a('')).toBe('811c9dc5')
    expect(fnv1a('a')).toBe('e40c292c')
  })

  test('falls back to fetch with keepalive, and failures never reach the page', async () => {
    fakeBeacon(false)
    let fetch = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('offline'))
    let cg = create({ receipts: { url: 'https://consent.example.test/r' } })
    expect(() => cg.acceptAll()).not.toThrow()
    expect(fetch).toHaveBeenCalledWith('https://consent.example.test/r', expect.objectContaining({ method: 'POST', keepalive: true }))
    Object.defineProperty(navigator, 'sendBeacon', { configurable: true, value: () => { throw new Error('blocked') } })
    expect(() => sendReceipt('/r', createReceipt(cg.config, cg.consent.get()))).not.toThrow()
    await Promise.resolve()
    expect(cg.allowed('analytics')).toBe(true)
  })
})
