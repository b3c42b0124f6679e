import fc from 'fast-check'
import { describe, expect, test, vi } from 'vitest'
import { resolveConfig } from '../../src/core/config'
import { createChoiceStore, parseChoice, randomId } from '../../src/core/storage'
import type { ConsentState } from '../../src/core/types'

const config = resolveConfig()
const NOW = Date.parse('2026-11-22T10:00:00.000Z')
const valid = {
  v: 1,
  revision: 0,
  id: '3f1c2b4a-1d2e-4f3a-8b9c-0d1e2f3a4b5c',
  given: '2026-11-20T10:00:00.000Z',
  updated: '2026-11-21T10:00:00.000Z',
  categories: { essential: true, analytics: false },
  method: 'reject-all'
}
const parse = (value: unknown, cfg = config) => parseChoice(typeof value === 'string' ? value : JSON.stringify(value), cfg, NOW)

describe('parseChoice', () => {
  test('reads a well-formed choice', () => {
    expect(parse(valid)).toEqual({
      decided: true,
      categories: { essential: true, analytics: false },
      services: {},
      revision: 0,
      id: valid.id,
      given: valid.given,
      updated: valid.updated,
      method: 'reject-all'
    })
  })

  test('treats missing and malformed values as undecided', () => {
    expect(parseChoice(undefined, config, NOW)).toBeNull()
    for (let raw of ['', 'yes', '{', 'null', '[]', '1', '"x"', 'x'.repeat(5000)]) expect(parse(raw)).toBeNull()
  })

  test('treats tampered fields as undecided', () => {
    let cases: object[] = [
      { v: 2 },
      { id: 'not-a-uuid' },
      { id: 7 },
      { given: 'yesterday' },
      { updated: '2026-11-19T10:00:00.000Z' },
      { method: 'gpc' },
      { method: 'nope' },
      { categories: null },
      { categories: ['analytics'] },
      { categories: { essential: true, analytics: 'true' } },
      { categories: { essential: true } },
      { categories: { essential: true, analytics: true } },
      { pad: 'x'.repeat(3000) }
    ]
    for (let change of cases) expect(parse({ ...valid, ...change }), JSON.stringify(change)).toBeNull()
  })

  test('asks again after a revision bump', () => {
    expect(parse(valid, resolveConfig({ revision: 1 }))).toBeNull()
  })

  test('asks again once expiresDays have passed', () => {
    let short = resolveConfig({ expiresDays: 1 })
    expect(parse({ ...valid, updated: '2026-11-21T10:00:01.000Z' }, short)).not.toBeNull()
    expect(parse(valid, short)).toBeNull()
  })

  test('rejects a choice dated in the future', () => {
    expect(parse({ ...valid, updated: '2026-12-30T10:00:00.000Z' })).toBeNull()
  })

  test('ignores categories the config no longer has and forces required ones on', () => {
    let state = parse({ ...valid, categories: { essential: false, analytics: false, gone: true } })
    expect(state?.categories).toEqual({ essential: true, analytics: false })
  })

  test('asks again when a category was added since the choice', () => {
    let more = resolveConfig({ categories: { essential: { required: true }, analytics: {}, marketing: {} } })
    expect(parse(valid, more)).toBeNull()
  })
})

describe('parseChoice on generated input', () => {
  // Each field either well-formed or anything at all, so both outcomes are reached often.
  const either = <T>(good: fc.Arbitrary<T>) =>
    fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) })
  const iso = fc.date({ min: new Date(NOW - 400 * 864e5), max: new Date(NOW + 2 * 864e5), noInvalidDate: true }).map((d) => d.toISOString())
  const record = fc.record(
    {
      v: either(fc.constant(1)),
      revision: either(fc.constantFrom(0, 1)),
      id: either(fc.uuid()),
      given: either(iso),
      updated: either(iso),
      method: either(fc.constantFrom('accept-all', 'reject-all', 'custom', 'gpc')),
      categories: either(fc.dictionary(fc.constantFrom('essential', 'analytics', 'marketing', '__proto__', 'constructor'), either(fc.boolean())))
    },
    { requiredKeys: ['v', 'revision', 'id', 'given', 'updated', 'method', 'categories'] }
  )
  const raw = fc.oneof(
    record.map((r) => JSON.stringify(r)),
    fc.json(),
    fc.string({ unit: 'binary', maxLength: 300 }),
    // Huge values: a well-formed choice padded past the 4096 bytes a browser keeps.
    fc.tuple(record, fc.integer({ min: 4000, max: 6000 })).map(([r, size]) => JSON.stringify({ ...r, pad: 'x'.repeat(size) }))
  )

  // What "well-formed" means, written out again independently of parseChoice.
  const wellFormed = (text: string) => {
    let d = JSON.parse(text)
    let given = Date.parse(d.given)
    let updated = Date.parse(d.updated)
    let analytics = Object.prototype.hasOwnProperty.call(d.categories, 'analytics') ? d.categories.analytics : undefined
    return (
      Object.keys(d).sort().join() === 'categories,given,id,method,revision,updated,v' &&
      d.v === 1 &&
      d.revision === 0 &&
      /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(d.id) &&
      typeof d.given === 'string' &&
      typeof d.updated === 'string' &&
      given <= updated &&
      updated <= NOW + 864e5 &&
      NOW - updated < 182 * 864e5 &&
      ['accept-all', 'reject-all', 'custom'].includes(d.method) &&
      typeof analytics === 'boolean' &&
      !(d.method === 'accept-all' && !analytics) &&
      !(d.method === 'reject-all' && analytics)
    )
  }

  test('10,000 generated cookie values never throw and never give consent unless well-formed', () => {
    let accepted = 0
    fc.assert(
      fc.property(raw, (value) => {
        let state = parseChoice(value, config, NOW)
        if (!state) return
        accepted++
        expect(wellFormed(value)).toBe(true)
        expect(Object.keys(state.categories)).toEqual(['essential', 'analytics'])
        expect(state.categories.essential).toBe(true)
        expect(state.categories.analytics).toBe(JSON.parse(value).categories.analytics)
      }),
      { numRuns: 10000 }
    )
    // The generator reaches the accepting path too, or the property above would prove nothing.
    expect(accepted).toBeGreaterThan(0)
  })

  test('accepts every well-formed choice', () => {
    let good = fc.record({
      id: fc.uuid(),
      at: fc.date({ min: new Date(NOW - 180 * 864e5), max: new Date(NOW), noInvalidDate: true }),
      analytics: fc.boolean()
    })
    fc.assert(
      fc.property(good, ({ id, at, analytics }) => {
        let method = analytics ? 'accept-all' : 'reject-all'
        let value = JSON.stringify({ ...valid, id, given: at.toISOString(), updated: at.toISOString(), method, categories: { analytics } })
        expect(parseChoice(value, config, NOW)?.categories).toEqual({ essential: true, analytics })
      }),
      { numRuns: 500 }
    )
  })
})

describe('createChoiceStore', () => {
  let state: ConsentState = {
    decided: true,
    categories: { essential: true, analytics: true },
    services: {},
    revision: 0,
    id: randomId(),
    given: new Date().toISOString(),
    updated: new Date().toISOString(),
    method: 'accept-all'
  }

  test('writes the contract format as URI-encoded JSON and reads it back', () => {
    let store = createChoiceStore(config)
    expect(store.write(state)).toBe(true)
    let raw = document.cookie.split('; ').find((c) => c.startsWith('cookiegate='))!.slice('cookiegate='.length)
    expect(raw).not.toContain('"')
    expect(JSON.parse(decodeURIComponent(raw))).toEqual({
      v: 1,
      revision: 0,
      id: state.id,
      given: state.given,
      updated: state.updated,
      categories: { essential: true, analytics: true },
      method: 'accept-all'
    })
    expect(store.read()).toEqual(state)
  })

  test('uses the configured cookie name', () => {
    let store = createChoiceStore(resolveConfig({ cookie: { name: 'consent' } }))
    store.write(state)
    expect(document.cookie).toContain('consent=')
    expect(document.cookie).not.toContain('cookiegate=')
  })

  test('keeps the choice in memory when the browser refuses the cookie', () => {
    // A cookie for a domain the page is not on is refused, as it is where cookies are blocked.
    let store = createChoiceStore(resolveConfig({ cookie: { domain: 'elsewhere.test' } }))
    expect(store.write(state)).toBe(false)
    expect(document.cookie).not.toContain('cookiegate=')
    expect(store.read()).toEqual(state)
    store.clear()
    expect(store.read()).toBeNull()
  })

  test('clear forgets the choice', () => {
    let store = createChoiceStore(config)
    store.write(state)
    store.clear()
    expect(store.read()).toBeNull()
  })

  /**
   * A cookie jar like a cross-site frame's (happy-dom has no partitioning): it keeps only
   * partitioned cookies when `partitionedOnly`, and records every write.
   */
  function withJar(framed: boolean, partitionedOnly: boolean, run: (writes: string[]) => void) {
    let jar = new Map<string, string>()
    let writes: string[] = []
    Object.defineProperty(document, 'cookie', {
      configurable: true,
      get: () => [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
      set(line: string) {
        writes.push(line)
        if (partitionedOnly && !/; partitioned/i.test(line)) return
        let [pair] = line.split(';')
        let name = pair!.slice(0, pair!.indexOf('='))
        let expires = /expires=([^;]+)/i.exec(line)?.[1]
        if (expires && Date.parse(expires) < Date.now()) jar.delete(name)
        else jar.set(name, pair!.slice(name.length + 1))
      }
    })
    let top = vi.spyOn(window, 'top', 'get').mockReturnValue((framed ? {} : window) as Window)
    try {
      run(writes)
    } finally {
      top.mockRestore()
      delete (document as { cookie?: string }).cookie
    }
  }

  test('in a frame that refuses the usual cookie, stores a partitioned one and clears it', () => {
    withJar(true, true, (writes) => {
      let store = createChoiceStore(config)
      expect(store.write(state)).toBe(true)
      expect(writes).toHaveLength(2)
      expect(writes[0]).toMatch(/; sameSite=Lax; secure; expires=/)
      expect(writes[1]).toMatch(/; sameSite=None; secure; partitioned; expires=/)
      expect(createChoiceStore(config).read()).toEqual(state)
      store.clear()
      expect(document.cookie).toBe('')
      expect(createChoiceStore(config).read()).toBeNull()
    })
  })

  test('a top-level page or a frame that keeps the usual cookie never writes a partitioned one', () => {
    for (let framed of [false, true]) {
      withJar(framed, false, (writes) => {
        let store = createChoiceStore(config)
        expect(store.write(state)).toBe(true)
        store.clear()
        if (!framed) expect(writes.join('\n')).not.toMatch(/partitioned/i)
        else expect(writes.slice(0, 1).join('\n')).not.toMatch(/partitioned/i)
      })
    }
    // Outside a frame nothing partitioned is tried even when the cookie is refused.
    withJar(false, true, (writes) => {
      expect(createChoiceStore(config).write(state)).toBe(false)
      expect(writes.join('\n')).not.toMatch(/partitioned/i)
    })
  })
})

describe('randomId', () => {
  test('makes distinct version 4 UUIDs', () => {
    let ids = new Set(Array.from({ length: 50 }, randomId))
    expect(ids.size).toBe(50)
    for (let id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  test('falls back to getRandomValues without randomUUID (plain http)', () => {
    let original = crypto.randomUUID
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true })
    try {
      expect(randomId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true })
    }
  })
})
