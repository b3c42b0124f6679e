import { describe, expect, test } from 'vitest'
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
      { categories: { essential: true, analytics: true } }
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

  test('clear forgets the choice', () => {
    let store = createChoiceStore(config)
    store.write(state)
    store.clear()
    expect(store.read()).toBeNull()
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
