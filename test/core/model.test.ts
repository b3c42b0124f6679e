import { describe, expect, test } from 'vitest'
import { resolveConfig } from '../../src/core/config'
import { asks, isOn, next, start, type Action, type Env } from '../../src/core/model'
import type { ConsentState, ResolvedConfig } from '../../src/core/types'

const config = resolveConfig({
  categories: {
    essential: { required: true },
    analytics: { services: { posthog: {}, plausible: {} } },
    marketing: {}
  }
})
let ids = 0
const env = (gpc = false): Env => ({ now: `2026-12-0${1 + (ids % 8)}T10:00:00.000Z`, id: () => `id-${++ids}`, gpc })
const run = (actions: Action[], from = start(config, null, false), c: ResolvedConfig = config) =>
  actions.reduce((state, action) => next(c, state, action, env()), from)
const answers = (state: ConsentState) => ({ ...state.categories, ...state.services })

describe('consent model', () => {
  test('a new visitor is asked, and nothing optional is allowed', () => {
    let state = start(config, null, false)
    expect(asks(state)).toBe(true)
    expect(answers(state)).toEqual({ essential: true, analytics: false, posthog: false, plausible: false, marketing: false })
  })

  test('GPC refuses without asking; a stored choice wins over it', () => {
    let gpc = start(config, null, true)
    expect([gpc.decided, gpc.method, asks(gpc)]).toEqual([true, 'gpc', false])
    let stored = run([{ type: 'accept-all' }])
    expect(start(config, stored, true).method).toBe('accept-all')
  })

  test('an opt-out region allows optional categories before any choice, without asking', () => {
    let optOut = { ...config, jurisdiction: 'opt-out' } as ResolvedConfig
    let state = start(optOut, null, false)
    expect([state.decided, state.method, asks(state)]).toEqual([false, 'opt-out', false])
    expect(isOn(state, 'posthog') && isOn(state, 'marketing')).toBe(true)
    expect(start(optOut, null, true).method).toBe('gpc')
  })

  test('save: a service takes its own answer, else its category\'s; what is left out is refused', () => {
    expect(answers(run([{ type: 'save', choice: { analytics: true, posthog: false } }]))).toMatchObject({ analytics: true, posthog: false, plausible: true, marketing: false })
    expect(answers(run([{ type: 'save', choice: { plausible: true } }]))).toMatchObject({ analytics: true, posthog: false, plausible: true })
    expect(answers(run([{ type: 'save', choice: { essential: false } }])).essential).toBe(true)
  })

  test('allow changes exactly the name it is given (the placeholder leak)', () => {
    let split = run([{ type: 'save', choice: { posthog: false, plausible: true } }])
    let after = next(config, split, { type: 'allow', name: 'marketing' }, env())
    expect(answers(after)).toMatchObject({ marketing: true, posthog: false, plausible: true })
    expect(after.method).toBe('custom')
    // A refused category comes back with all its services; a service alone with only itself.
    let refused = run([{ type: 'reject-all' }])
    expect(answers(next(config, refused, { type: 'allow', name: 'analytics' }, env()))).toMatchObject({ posthog: true, plausible: true, marketing: false })
    expect(answers(next(config, refused, { type: 'allow', name: 'posthog' }, env()))).toMatchObject({ analytics: true, posthog: true, plausible: false })
  })

  test('an action that changes nothing returns the same state (no event, no receipt, no new date)', () => {
    let accepted = run([{ type: 'accept-all' }])
    expect(next(config, accepted, { type: 'accept-all' }, env())).toBe(accepted)
    expect(next(config, accepted, { type: 'allow', name: 'posthog' }, env())).toBe(accepted)
    expect(next(config, accepted, { type: 'allow', name: 'unknown' }, env())).toBe(accepted)
    expect(next(config, accepted, { type: 'read', stored: accepted }, env())).toBe(accepted)
    let gpc = start(config, null, true)
    expect(next(config, gpc, { type: 'reset' }, env(true))).toBe(gpc)
    // The same answers given another way is a change of method.
    expect(next(config, accepted, { type: 'save', choice: { analytics: true, marketing: true } }, env()).method).toBe('custom')
  })

  test('a new decision keeps the consent id and the first date', () => {
    let first = run([{ type: 'reject-all' }])
    let second = next(config, first, { type: 'accept-all' }, env())
    expect([second.id, second.given]).toEqual([first.id, first.given])
    expect(second.updated).not.toBe(first.updated)
  })

  test('reset forgets the choice: asked again, or refused again under GPC', () => {
    let accepted = run([{ type: 'accept-all' }])
    expect(asks(next(config, accepted, { type: 'reset' }, env()))).toBe(true)
    expect(next(config, accepted, { type: 'reset' }, env(true)).method).toBe('gpc')
  })
})
