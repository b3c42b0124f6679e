/**
 * readConsent (server) against the browser: the same cookies, read by a real instance in happy-dom
 * (`document.cookie`, js-cookie, `consent.get()`) and by `readConsent(document.cookie)`, must give
 * the same state, for valid choices, every way of breaking them, and arbitrary bytes.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, test } from 'vitest'
import { createConsent } from '../../src/core/consent'
import type { Config } from '../../src/core/types'
import { cookieValue, readConsent } from '../../src/server'

const HOUR = 36e5
const UUID = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b'

const wipe = () => {
  for (let cookie of document.cookie.split(';')) {
    let name = cookie.split('=')[0]!.trim()
    if (name) for (let path of ['/', '/page']) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=${path}`
  }
}
afterEach(wipe)

const browserState = (config: Config) => {
  let cg = createConsent({ ...config, ui: false })
  let state = cg.consent.get()
  cg.destroy()
  return state
}

// Configs: one or two optional categories, with or without services, a revision, an expiry, a cookie name.
const configs: fc.Arbitrary<Config> = fc.record({
  withServices: fc.boolean(),
  marketing: fc.boolean(),
  revision: fc.integer({ min: 0, max: 2 }),
  expiresDays: fc.constantFrom(1, 30, 182),
  name: fc.constantFrom('cookiegate', 'consent_v2')
}).map(({ withServices, marketing, revision, expiresDays, name }) => ({
  categories: {
    essential: { required: true },
    analytics: withServices ? { services: { posthog: {}, plausible: {} } } : {},
    ...(marketing ? { marketing: {} } : {})
  },
  revision,
  expiresDays,
  ...(name === 'cookiegate' ? {} : { cookie: { name } })
}))

// A choice as the browser writes it for `config`, then (half of the time) broken in one way.
const at = (hours: number) => new Date(Date.now() + hours * HOUR + HOUR / 2).toISOString()
const choiceFor = (config: Config) =>
  fc
    .record({
      method: fc.constantFrom('accept-all', 'reject-all', 'custom'),
      answers: fc.dictionary(fc.constantFrom('analytics', 'marketing', 'posthog', 'plausible'), fc.boolean()),
      // Whole hours plus half an hour: never within a rounding error of the expiry or "future" limits.
      updatedHours: fc.integer({ min: -(config.expiresDays! * 24) + 1, max: 0 }),
      sinceHours: fc.integer({ min: 0, max: 500 }),
      mutation: fc.option(
        fc.constantFrom(
          ['revision', config.revision! + 1], ['revision', '0'], ['v', 2], ['id', 'not-a-uuid'], ['id', UUID.toUpperCase()],
          ['method', 'gpc'], ['method', 'opt-out'], ['given', 'yesterday'], ['updated', at(30)], ['updated', at(-(config.expiresDays! * 24) - 1)],
          ['updated', '2026-01-01'], ['given', at(1)], ['categories', []], ['categories', null], ['services', []], ['services', undefined],
          ['flip', 'analytics'], ['flip', 'marketing'], ['flip', 'posthog'], ['drop', 'analytics'], ['extra', '__proto__'], ['extra', 'admin'],
          ['string', 'analytics'], ['essential', false]
        ),
        { nil: undefined, freq: 2 }
      )
    })
    .map(({ method, answers, updatedHours, sinceHours, mutation }) => {
      let value = (name: string) => (method === 'accept-all' ? true : method === 'reject-all' ? false : answers[name] ?? false)
      let services = config.categories!.analytics!.services ? { posthog: value('posthog'), plausible: value('plausible') } : undefined
      let categories: Record<string, unknown> = { essential: true, analytics: services ? services.posthog || services.plausible : value('analytics') }
      if (config.categories!.marketing) categories.marketing = value('marketing')
      let data: Record<string, unknown> = {
        v: 1, revision: config.revision, id: UUID, given: at(updatedHours - sinceHours), updated: at(updatedHours), categories,
        ...(services ? { services } : {}), method
      }
      let json = () => JSON.stringify(data)
      if (mutation) {
        let [key, bad] = mutation as [string, unknown]
        let target = (name: string) => (name === 'posthog' && data.services ? (data.services as Record<string, unknown>) : categories)
        if (key === 'flip') target(bad as string)[bad as string] = !target(bad as string)[bad as string]
        else if (key === 'drop') delete categories[bad as string]
        else if (key === 'string') categories[bad as string] = String(categories[bad as string])
        else if (key === 'essential') categories.essential = false
        else if (key === 'extra') return json().replace(/}$/, `,${JSON.stringify(bad)}:true}`)
        else data[key] = bad
      }
      return json()
    })

// How the JSON reaches the cookie: as the browser writes it, fully encoded, quoted, raw, or broken.
const jsCookieWrite = (v: string) => encodeURIComponent(v).replace(/%(2[346BF]|3[AC-F]|40|5[BDE]|60|7[BCD])/g, decodeURIComponent)
const encodings = fc.constantFrom<[string, (v: string) => string]>(
  ['js-cookie', jsCookieWrite],
  ['js-cookie', jsCookieWrite],
  ['js-cookie', jsCookieWrite],
  ['encodeURIComponent', encodeURIComponent],
  ['quoted', (v) => `"${jsCookieWrite(v)}"`],
  ['half-quoted', (v) => `"${jsCookieWrite(v)}`],
  ['raw', (v) => v.replace(/[;,\s]/g, '')],
  ['bad escape', (v) => jsCookieWrite(v).replace('%22', '%ZZ')],
  ['invalid UTF-8', (v) => jsCookieWrite(v) + '%E0%A4'],
  ['truncated', (v) => jsCookieWrite(v).slice(0, Math.max(1, v.length >> 1))],
  ['too long', (v) => jsCookieWrite(v).replace('}', `,"pad":"${'x'.repeat(4100)}"}`)]
)
// Arbitrary values, including percent signs, quotes and non-ASCII.
const junk = fc.string({ unit: fc.constantFrom('%', '"', '{', '}', 'a', 'E', '0', '9', '=', ':', 'é', '\\', 'F'), maxLength: 30 })

// Other cookies around ours: unrelated ones, one whose name does not decode, a broken copy of ours first.
const neighbours = fc.record({
  before: fc.constantFrom('', 'a=1', '%E0%A4=x', '_ga=GA1.2.3'),
  brokenTwinFirst: fc.boolean(),
  after: fc.constantFrom('', 'b=2', 'cookiegatex=1')
})

describe('readConsent matches the browser', () => {
  test('on generated cookies (property test, 1500 samples)', () => {
    let decided = 0
    let samples = 0
    fc.assert(
      fc.property(
        configs.chain((config) =>
          fc.tuple(
            fc.constant(config),
            fc.oneof(
              { weight: 4, arbitrary: fc.tuple(choiceFor(config), encodings) },
              { weight: 1, arbitrary: junk.map((j) => [j, ['junk', (v: string) => v]] as [string, [string, (v: string) => string]]) }
            )
          )
        ),
        neighbours,
        ([config, [json, [, encode]]], around) => {
        wipe()
        let name = config.cookie?.name || 'cookiegate'
        if (around.before) document.cookie = `${around.before}; path=/`
        // A second cookie of the same name with a more specific path comes first in document.cookie and the Cookie header.
        if (around.brokenTwinFirst) document.cookie = `${name}=%E0%A4; path=/page`
        document.cookie = `${name}=${encode(json)}; path=/`
        if (around.after) document.cookie = `${around.after}; path=/`
        let header = document.cookie
        let browser = browserState(config)
        let server = readConsent(header, config)
        samples++
        if (server.decided) decided++
        expect(server).toEqual({ ...browser })
        }
      ),
      { numRuns: 1500 }
    )
    // Enough of them are valid choices for the comparison to mean something.
    console.log(`readConsent parity: ${samples} samples, ${decided} decided`)
    expect(decided).toBeGreaterThan(150)
  }, 120000)

  test('a valid choice with services and a newer revision', () => {
    let config: Config = { revision: 1, categories: { essential: { required: true }, analytics: { services: { posthog: {}, ga: {} } } } }
    let now = new Date().toISOString()
    let value = (revision: number) =>
      encodeURIComponent(JSON.stringify({ v: 1, revision, id: UUID, given: now, updated: now, categories: { essential: true, analytics: true }, services: { posthog: true, ga: false }, method: 'custom' }))
    expect(readConsent(`cookiegate=${value(1)}`, config)).toMatchObject({ decided: true, categories: { analytics: true }, services: { posthog: true, ga: false } })
    // The hand-written parse of issue #12 said "allowed" here; the browser refuses an older revision.
    expect(readConsent(`cookiegate=${value(0)}`, config)).toMatchObject({ decided: false, categories: { analytics: false }, services: { posthog: false, ga: false } })
  })

  test('never throws on a header, and throws on a bad config as the browser does', () => {
    for (let header of [undefined, null, '', ';;;', '=', 'cookiegate', 'cookiegate=%', 'cookiegate="', '%=%; cookiegate=%7B', 42 as never]) {
      expect(readConsent(header, {}).decided).toBe(false)
    }
    expect(() => readConsent('', { gcp: false } as never)).toThrow(/gcp: unknown key/)
  })

  test('cookieValue reads the first decodable cookie of that name', () => {
    expect(cookieValue('a=1;cookiegate=%7B%7D; b=2', 'cookiegate')).toBe('{}')
    expect(cookieValue('cookiegate=%E0%A4; cookiegate=ok', 'cookiegate')).toBe('ok')
    expect(cookieValue('cookiegate="quoted"', 'cookiegate')).toBe('quoted')
    expect(cookieValue('other=1', 'cookiegate')).toBeUndefined()
  })
})
