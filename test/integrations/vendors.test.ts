/**
 * Clarity, Meta Pixel and UET without their scripts (happy-dom loads none): what each is told,
 * in order, through its own command queue, and what the page stores of them.
 */
import { afterEach, describe, expect, test, vi } from 'vitest'
import { useInstances } from '../instances'
import { loadClarity } from '../../src/integrations/clarity'
import { loadMetaPixel } from '../../src/integrations/meta-pixel'
import { loadMicrosoftUet } from '../../src/integrations/microsoft-uet'

const CATEGORIES = { essential: { required: true }, analytics: {}, marketing: {} }
const create = useInstances({ categories: CATEGORIES })
const w = window as any
afterEach(() => {
  for (let key of ['clarity', 'fbq', '_fbq', 'uetq', 'UET']) delete w[key]
  vi.restoreAllMocks()
})
const scripts = () => Array.from(document.querySelectorAll('script[src]'), (s) => s.getAttribute('src'))
const plain = (list: ArrayLike<unknown>[]) => list.map((args) => Array.from(args))
const cookies = () => document.cookie.split(';').map((c) => c.trim().split('=')[0]).filter((n) => n && n !== 'cookiegate')

describe('Clarity', () => {
  test('nothing before a choice, nor after Reject all', () => {
    let cg = create()
    loadClarity(cg, { projectId: 'abc123' })
    cg.rejectAll()
    expect(scripts()).toEqual([])
    expect('clarity' in window).toBe(false)
  })

  test('on accept: consentv2 queued, then the tag; every change after it; consent false on withdrawal', () => {
    let cg = create()
    loadClarity(cg, { projectId: 'abc123' })
    cg.save({ analytics: true })
    expect(scripts()).toEqual(['https://www.clarity.ms/tag/abc123'])
    expect(plain(w.clarity.q)).toEqual([['consentv2', { ad_Storage: 'denied', analytics_Storage: 'granted' }]])
    cg.acceptAll()
    document.cookie = '_clck=1; path=/'
    document.cookie = '_clsk=1; path=/'
    cg.save({ marketing: true })
    cg.rejectAll()
    expect(plain(w.clarity.q).slice(1)).toEqual([
      ['consentv2', { ad_Storage: 'granted', analytics_Storage: 'granted' }],
      ['consentv2', { ad_Storage: 'granted', analytics_Storage: 'denied' }],
      ['consent', false],
      ['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }]
    ])
    expect(cookies()).toEqual([])
    expect(scripts()).toHaveLength(1)
  })

  test('a Clarity the page runs itself is told, not loaded twice', () => {
    let seen: unknown[][] = []
    w.clarity = (...args: unknown[]) => seen.push(args)
    let cg = create()
    loadClarity(cg, { projectId: 'abc123' })
    cg.save({ analytics: true })
    expect(scripts()).toEqual([])
    expect(seen).toEqual([['consentv2', { ad_Storage: 'denied', analytics_Storage: 'granted' }]])
  })

  test('a service of a category, chosen alone', () => {
    let cg = create({ categories: { essential: { required: true }, analytics: { services: { clarity: {}, posthog: {} } } } })
    loadClarity(cg, { projectId: 'abc123', category: 'clarity' })
    cg.save({ posthog: true })
    expect(scripts()).toEqual([])
    cg.save({ clarity: true })
    expect(scripts()).toEqual(['https://www.clarity.ms/tag/abc123'])
  })
})

describe('Meta Pixel', () => {
  test('nothing before a choice, nor after Reject all', () => {
    let cg = create()
    loadMetaPixel(cg, { pixelId: '1234567890123456' })
    cg.rejectAll()
    expect(scripts()).toEqual([])
    expect('fbq' in window).toBe(false)
  })

  test('revoke before init, grant once allowed, revoke on withdrawal; its cookies go', () => {
    let cg = create()
    loadMetaPixel(cg, { pixelId: '1234567890123456' })
    cg.acceptAll()
    expect(scripts()).toEqual(['https://connect.facebook.net/en_US/fbevents.js'])
    expect(w._fbq).toBe(w.fbq)
    document.cookie = '_fbp=fb.1.1.1; path=/'
    document.cookie = '_fbc=fb.1.1.x; path=/'
    cg.save({ analytics: true })
    cg.acceptAll()
    expect(plain(w.fbq.queue)).toEqual([
      ['consent', 'revoke'],
      ['init', '1234567890123456'],
      ['consent', 'grant'],
      ['track', 'PageView'],
      ['consent', 'revoke'],
      ['consent', 'grant']
    ])
    expect(scripts()).toHaveLength(1)
  })

  test('withdrawal deletes _fbp and _fbc also without integrations in the config', () => {
    let cg = create()
    loadMetaPixel(cg, { pixelId: '1' })
    cg.acceptAll()
    document.cookie = '_fbp=fb.1.1.1; path=/'
    document.cookie = '_fbc=fb.1.1.x; path=/'
    cg.rejectAll()
    expect(cookies()).toEqual([])
  })

  test('a pixel that throws does not break the page or the choice', () => {
    let error = vi.spyOn(console, 'error').mockImplementation(() => {})
    let cg = create()
    w.fbq = () => {
      throw new Error('boom')
    }
    loadMetaPixel(cg, { pixelId: '1' })
    expect(() => cg.acceptAll()).not.toThrow()
    expect(cg.allowed('marketing')).toBe(true)
    expect(error).toHaveBeenCalledWith('Cookiegate: Meta Pixel', expect.any(Error))
  })
})

describe('Microsoft UET', () => {
  test('the denied default is queued at once; nothing loads before consent', () => {
    let cg = create()
    loadMicrosoftUet(cg, { tagId: '12345678' })
    expect(w.uetq).toEqual(['consent', 'default', { ad_storage: 'denied' }])
    cg.rejectAll()
    expect(w.uetq).toEqual(['consent', 'default', { ad_storage: 'denied' }])
    expect(scripts()).toEqual([])
  })

  test('keeps a queue that exists already (the script tag queued the default)', () => {
    w.uetq = ['consent', 'default', { ad_storage: 'denied' }]
    let cg = create()
    loadMicrosoftUet(cg, { tagId: '12345678' })
    cg.acceptAll()
    expect(w.uetq).toEqual(['consent', 'default', { ad_storage: 'denied' }, 'consent', 'update', { ad_storage: 'granted' }])
  })

  test('on accept: update, then bat.js, then UET takes the queue and gets pageLoad; update on every change', () => {
    let cg = create()
    loadMicrosoftUet(cg, { tagId: '12345678' })
    cg.acceptAll()
    expect(scripts()).toEqual(['https://bat.bing.com/bat.js'])
    let calls: unknown[][] = []
    w.UET = function (this: any, options: any) {
      calls.push(['new UET', { ti: options.ti, q: [...options.q] }])
      this.push = (...args: unknown[]) => calls.push(args)
    }
    document.querySelector('script')!.dispatchEvent(new Event('load'))
    document.cookie = '_uetsid=1; path=/'
    localStorage.setItem('_uetvid_exp', '1')
    cg.rejectAll()
    cg.acceptAll()
    expect(calls).toEqual([
      ['new UET', { ti: '12345678', q: ['consent', 'default', { ad_storage: 'denied' }, 'consent', 'update', { ad_storage: 'granted' }] }],
      ['pageLoad'],
      ['consent', 'update', { ad_storage: 'denied' }],
      ['consent', 'update', { ad_storage: 'granted' }]
    ])
    expect(scripts()).toHaveLength(1)
    expect(cookies()).toEqual([])
    expect(localStorage.getItem('_uetvid_exp')).toBeNull()
  })
})
