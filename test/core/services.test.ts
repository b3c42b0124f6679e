import { afterEach, describe, expect, test } from 'vitest'
import { createConsent } from '../../src/core/consent'
import { resolveConfig } from '../../src/core/config'
import { parseChoice } from '../../src/core/storage'
import type { Config, Cookiegate } from '../../src/core/types'

const CONFIG: Config = {
  categories: {
    essential: { required: true },
    analytics: {
      services: {
        posthog: { label: 'PostHog', cookies: ['ph_*'], storage: ['ph_*'] },
        ga: { label: 'Google Analytics', cookies: ['_ga', '_ga_*'] }
      }
    },
    marketing: {}
  }
}

let instances: Cookiegate[] = []
const create = (config: Config = CONFIG) => {
  let cg = createConsent(config)
  instances.push(cg)
  return cg
}
afterEach(() => {
  instances.forEach((cg) => cg.destroy())
  instances = []
})
const stored = () => {
  let raw = document.cookie.split('; ').find((c) => c.startsWith('cookiegate='))
  return raw ? JSON.parse(decodeURIComponent(raw.slice('cookiegate='.length))) : undefined
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('services', () => {
  test('start refused, and accept all / reject all set every service', () => {
    let cg = create()
    expect(cg.consent.get().services).toEqual({ posthog: false, ga: false })
    expect(cg.allowed('posthog')).toBe(false)
    cg.acceptAll()
    expect(cg.consent.get().services).toEqual({ posthog: true, ga: true })
    expect(cg.allowed('posthog') && cg.allowed('analytics')).toBe(true)
    cg.rejectAll()
    expect(cg.consent.get().services).toEqual({ posthog: false, ga: false })
    expect(cg.allowed('analytics')).toBe(false)
  })

  test('a category allows all its services, and a named service overrides it', () => {
    let cg = create()
    cg.save({ analytics: true })
    expect(cg.consent.get().services).toEqual({ posthog: true, ga: true })
    cg.save({ analytics: true, posthog: false })
    expect(cg.consent.get().services).toEqual({ posthog: false, ga: true })
    expect(cg.allowed('analytics')).toBe(true)
  })

  test('a category with services is allowed only while one of them is', () => {
    let cg = create()
    cg.save({ posthog: true })
    expect(cg.allowed('analytics')).toBe(true)
    expect(cg.allowed('ga')).toBe(false)
    cg.save({ analytics: true, posthog: false, ga: false })
    expect(cg.allowed('analytics')).toBe(false)
  })

  test('whenAllowed takes a service name', async () => {
    let cg = create()
    let resolved = false
    cg.whenAllowed('posthog').then(() => (resolved = true))
    cg.save({ ga: true })
    await flush()
    expect(resolved).toBe(false)
    cg.save({ posthog: true })
    await flush()
    expect(resolved).toBe(true)
  })

  test('are stored in the cookie and read back', () => {
    let cg = create()
    cg.save({ analytics: true, ga: false })
    expect(stored()).toMatchObject({ categories: { analytics: true }, services: { posthog: true, ga: false } })
    cg.destroy()
    expect(create().consent.get()).toMatchObject({ decided: true, services: { posthog: true, ga: false } })
  })

  test('leave the stored cookie as it was when none are configured', () => {
    create({}).acceptAll()
    expect(stored()).not.toHaveProperty('services')
  })

  test('withdrawing one service deletes only its cookies and storage', () => {
    let cg = create()
    cg.acceptAll()
    document.cookie = 'ph_abc_posthog=1; path=/'
    document.cookie = '_ga=GA1; path=/'
    localStorage.setItem('ph_abc_window', '1')
    cg.save({ analytics: true, posthog: false })
    expect(document.cookie).not.toContain('ph_abc_posthog')
    expect(document.cookie).toContain('_ga=GA1')
    expect(localStorage.getItem('ph_abc_window')).toBeNull()
  })

  test('gated tags naming a service run only once that service is allowed', async () => {
    document.body.innerHTML =
      '<script type="text/plain" data-category="analytics" data-service="posthog">window.ranPosthog = 1</script>' +
      '<script type="text/plain" data-service="ga">window.ranGa = 1</script>'
    let w = window as unknown as { ranPosthog?: number; ranGa?: number }
    delete w.ranPosthog
    delete w.ranGa
    let cg = create()
    cg.save({ ga: true })
    expect(w.ranGa).toBe(1)
    expect(w.ranPosthog).toBeUndefined()
    cg.save({ posthog: true, ga: true })
    expect(w.ranPosthog).toBe(1)
  })
})

describe('stored choice with services', () => {
  const config = resolveConfig(CONFIG)
  const NOW = Date.parse('2026-11-22T10:00:00.000Z')
  const base = {
    v: 1,
    revision: 0,
    id: '3f1c2b4a-1d2e-4f3a-8b9c-0d1e2f3a4b5c',
    given: '2026-11-20T10:00:00.000Z',
    updated: '2026-11-21T10:00:00.000Z',
    method: 'custom'
  }
  const parse = (extra: object) => parseChoice(JSON.stringify({ ...base, ...extra }), config, NOW)

  test('a cookie written before services existed still reads: services take their category', () => {
    let state = parse({ categories: { essential: true, analytics: true, marketing: false } })
    expect(state?.services).toEqual({ posthog: true, ga: true })
  })

  test('a service added since the choice asks again', () => {
    expect(parse({ categories: { essential: true, analytics: true, marketing: false }, services: { posthog: true } })).toBeNull()
  })

  test('a category that disagrees with its services is tampered with', () => {
    expect(
      parse({ categories: { essential: true, analytics: true, marketing: false }, services: { posthog: false, ga: false } })
    ).toBeNull()
    expect(parse({ categories: { essential: true, analytics: false, marketing: false }, services: 'x' })).toBeNull()
  })
})

describe('embed placeholders and services', () => {
  // The leak found from outside: "Always allow marketing" on a video re-allowed a refused
  // analytics service, because the placeholder built its own choice from the categories.
  test('"Always allow" allows exactly the embed\'s category and leaves every service as the visitor chose', async () => {
    let { placeholder } = await import('../../src/core/embeds')
    document.body.innerHTML = '<video data-category="marketing" data-src="https://video.test/a.mp4" title="Video"></video>'
    let cg = createConsent(CONFIG, { placeholder })
    instances.push(cg)
    cg.save({ posthog: false, ga: true })
    await flush()
    let always = Array.from(document.querySelectorAll('.cg-embed button')).find((b) => /^Always allow/.test(b.textContent || ''))
    ;(always as HTMLButtonElement).click()
    expect(cg.allowed('marketing')).toBe(true)
    expect(cg.allowed('posthog')).toBe(false)
    expect(cg.allowed('ga')).toBe(true)
    expect(stored().services).toEqual({ posthog: false, ga: true })
    expect(document.querySelector('video')!.getAttribute('src')).toBe('https://video.test/a.mp4')
  })

  test('an embed that needs one service keeps its placeholder until that service is allowed, and its button allows only it', async () => {
    let { placeholder } = await import('../../src/core/embeds')
    document.body.innerHTML = '<video data-category="analytics" data-service="posthog" data-src="https://video.test/b.mp4" title="Video"></video>'
    let cg = createConsent(CONFIG, { placeholder })
    instances.push(cg)
    await flush()
    cg.save({ ga: true })
    await flush()
    expect(document.querySelector('.cg-embed')).not.toBeNull()
    let always = Array.from(document.querySelectorAll('.cg-embed button')).find((b) => /^Always allow/.test(b.textContent || ''))
    ;(always as HTMLButtonElement).click()
    expect(cg.consent.get().services).toEqual({ posthog: true, ga: true })
    expect(cg.allowed('marketing')).toBe(false)
    expect(document.querySelector('.cg-embed')).toBeNull()
    expect(document.querySelector('video')!.getAttribute('src')).toBe('https://video.test/b.mp4')
  })
})
