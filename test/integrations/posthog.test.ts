import { afterEach, describe, expect, test, vi } from 'vitest'
import { useInstances } from '../instances'
import { posthogIntegration, loadPosthog, type PostHogInstance } from '../../src/integrations/posthog'

const create = useInstances()
afterEach(() => {
  delete (window as { posthog?: unknown }).posthog
  vi.restoreAllMocks()
})

/** A recorder standing in for posthog-js: what it was told, and what it wrote while opted in. */
function fakePosthog(config: Record<string, unknown> = { opt_out_capturing_by_default: true, opt_out_persistence_by_default: true, persistence: 'memory' }) {
  let calls: string[] = []
  let ph: PostHogInstance = {
    config,
    opt_in_capturing() {
      calls.push('opt_in')
      document.cookie = 'ph_phc_1_posthog=1; path=/'
      localStorage.setItem('__ph_opt_in_out_phc_1', '1')
    },
    opt_out_capturing() {
      calls.push('opt_out')
      localStorage.setItem('__ph_opt_in_out_phc_1', '0')
    },
    set_config(next) {
      calls.push('persistence:' + String(next.persistence))
      Object.assign(config, next)
    }
  }
  return { ph, calls }
}
const traces = () => [
  ...document.cookie.split(';').map((c) => c.trim().split('=')[0]).filter((n) => n && /^(ph_|__ph)/.test(n!)),
  ...Object.keys(localStorage).filter((k) => /^(ph_|__ph)/.test(k))
]

describe('posthogIntegration (npm)', () => {
  test('keeps PostHog opted out and in memory before a choice', () => {
    let cg = create()
    let { ph, calls } = fakePosthog()
    posthogIntegration(cg, { instance: ph })
    expect(calls).toEqual(['opt_out'])
    expect(traces()).toEqual([])
  })

  test('opts in with cookie persistence on Accept all', () => {
    let cg = create()
    let { ph, calls } = fakePosthog()
    posthogIntegration(cg, { instance: ph })
    cg.acceptAll()
    expect(calls).toEqual(['opt_out', 'persistence:localStorage+cookie', 'opt_in'])
  })

  test('on withdrawal opts out and deletes its cookie and storage', () => {
    let cg = create()
    let { ph, calls } = fakePosthog()
    posthogIntegration(cg, { instance: ph, persistence: 'cookie' })
    cg.acceptAll()
    sessionStorage.setItem('ph_phc_1_window_id', 'w')
    expect(traces()).toEqual(['ph_phc_1_posthog', '__ph_opt_in_out_phc_1'])
    cg.save({ analytics: false })
    expect(calls.slice(-2)).toEqual(['opt_out', 'persistence:memory'])
    expect(traces()).toEqual([])
    expect(sessionStorage.getItem('ph_phc_1_window_id')).toBeNull()
  })

  test('says so when PostHog was not started opted out', () => {
    let error = vi.spyOn(console, 'error').mockImplementation(() => {})
    posthogIntegration(create(), { instance: fakePosthog({}).ph })
    expect(error).toHaveBeenCalledWith(expect.stringContaining('opt_out_capturing_by_default: true'))
  })

  test('a PostHog that throws does not break the page or the choice', () => {
    let error = vi.spyOn(console, 'error').mockImplementation(() => {})
    let cg = create()
    let { ph } = fakePosthog()
    ph.opt_in_capturing = () => {
      throw new Error('boom')
    }
    posthogIntegration(cg, { instance: ph })
    expect(() => cg.acceptAll()).not.toThrow()
    expect(cg.allowed('analytics')).toBe(true)
    expect(error).toHaveBeenCalledWith('Cookiegate: PostHog', expect.any(Error))
  })

  test('follows another category when told to', () => {
    let cg = create({ categories: { essential: { required: true }, analytics: {}, product: {} } })
    let { ph, calls } = fakePosthog()
    posthogIntegration(cg, { instance: ph, category: 'product' })
    cg.save({ analytics: true })
    expect(calls).toEqual(['opt_out'])
    cg.save({ product: true })
    expect(calls.at(-1)).toBe('opt_in')
  })
})

describe('loadPosthog (script tag)', () => {
  const scripts = () => Array.from(document.querySelectorAll('script[src]'), (s) => s.getAttribute('src'))

  test('adds no script and no posthog global until allowed', () => {
    let cg = create()
    loadPosthog(cg, { token: 'phc_1', apiHost: 'https://ph.example.test/' })
    cg.rejectAll()
    expect(scripts()).toEqual([])
    expect('posthog' in window).toBe(false)
  })

  test('once allowed, queues an opted-out init and loads array.js from the api host', () => {
    let cg = create()
    loadPosthog(cg, { token: 'phc_1', apiHost: 'https://ph.example.test/', options: { opt_out_capturing_by_default: false, autocapture: false } })
    cg.acceptAll()
    cg.acceptAll()
    expect(scripts()).toEqual(['https://ph.example.test/static/array.js'])
    let [token, config, name] = (window as any).posthog._i[0]
    expect([token, name]).toEqual(['phc_1', 'posthog'])
    expect(config).toMatchObject({
      api_host: 'https://ph.example.test/',
      autocapture: false,
      opt_out_capturing_by_default: true,
      opt_out_persistence_by_default: true
    })
    // What array.js does once loaded: init, then `loaded` hands over the instance.
    let { ph, calls } = fakePosthog({ ...config, persistence: 'localStorage+cookie' })
    config.loaded(ph)
    expect(calls).toEqual(['opt_in'])
  })
})
