/**
 * The consent model: every consent state the library can be in comes out of `start` or `next`.
 * Pure (no DOM, no cookie, no timers, no randomness of its own): it takes the config and the
 * current state and returns the next state. Banner, preferences, embed placeholders, the public
 * API, tab sync, back/forward cache and prerender refresh and GPC all go through it, so a choice
 * is assembled in exactly one place (`decide`).
 */
import type { ConsentMethod, ConsentState, ResolvedConfig } from './types'

/** Something the visitor (or the page, or another tab) did to the consent. */
export type Action =
  | { type: 'accept-all' }
  | { type: 'reject-all' }
  /** The preferences' Save, or `cg.save()`: a service's own value wins over its category's. */
  | { type: 'save'; choice: Record<string, boolean> }
  /** A placeholder's "Always allow": exactly that category or service, nothing else. */
  | { type: 'allow'; name: string }
  /** Forget the choice and ask again. */
  | { type: 'reset' }
  /** The stored choice as read now (start-up, another tab, back/forward cache, prerender shown). */
  | { type: 'read'; stored: ConsentState | null }

/** Who changed the state: this page (a decision, a reset), or the stored choice read again. */
export type Cause = 'local' | 'stored'

/** What the model is not allowed to find out for itself. */
export interface Env {
  /** ISO 8601 time of the action. */
  now: string
  /** A fresh consent id, asked for only when a first choice is made. */
  id: () => string
  /** `navigator.globalPrivacyControl === true` and the config honours it. */
  gpc: boolean
}

/** Every category and service name the config knows. */
export const namesOf = (config: ResolvedConfig): string[] =>
  config.categories.flatMap((c) => [c.name, ...c.services.map((s) => s.name)])

/** True when `name` (a category or a service) is allowed in `state`. */
export const isOn = (state: ConsentState, name: string): boolean => (state.categories[name] ?? state.services[name]) === true

/** The same answer for every category and service. */
const agree = (config: ResolvedConfig, a: ConsentState, b: ConsentState): boolean =>
  namesOf(config).every((name) => isOn(a, name) === isOn(b, name))

/** A choice the visitor made, which is stored: not a GPC refusal, not an opt-out default. */
export const isRecorded = (state: ConsentState): boolean => state.decided && state.method !== 'gpc'

/** Whether the banner must ask: nothing is decided and the visitor's region asks for consent. */
export const asks = (state: ConsentState): boolean => !state.decided && state.method !== 'opt-out'

const { freeze } = Object

type Rest = Pick<ConsentState, 'decided' | 'id' | 'given' | 'updated' | 'method'>

/**
 * The only place a state is assembled. `pick(service, category)` decides a service, or a
 * category without services; a category with services is on when one of them is. Required
 * categories and their services are always on.
 */
function build(config: ResolvedConfig, pick: (name: string, category?: string) => boolean, rest: Rest): ConsentState {
  let categories: Record<string, boolean> = {}
  let services: Record<string, boolean> = {}
  for (let { name, required, services: list } of config.categories) {
    for (let s of list) services[s.name] = required || pick(s.name, name)
    categories[name] = required || (list.length ? list.some((s) => services[s.name]) : pick(name))
  }
  // Frozen, so a listener cannot change what every other listener sees.
  return freeze({ ...rest, categories: freeze(categories), services: freeze(services), revision: config.revision })
}

const EMPTY: Rest = { decided: false, id: null, given: null, updated: null, method: null }

/** Nothing optional allowed and nothing decided: a prerendered page before it is shown. */
export const closed = (config: ResolvedConfig): ConsentState => build(config, () => false, EMPTY)

/**
 * The state for a stored choice (already validated by `parseChoice`), or, without one: under
 * GPC every optional category refused (`"gpc"`); in an opt-out region every optional category
 * allowed until the visitor refuses (`"opt-out"`, not decided, no banner); else undecided.
 */
export function start(config: ResolvedConfig, stored: ConsentState | null, gpc: boolean): ConsentState {
  let optOut = !gpc && config.jurisdiction === 'opt-out'
  return build(
    config,
    (name) => (stored ? isOn(stored, name) : optOut),
    stored || { ...EMPTY, decided: gpc, method: gpc ? 'gpc' : optOut ? 'opt-out' : null }
  )
}

/** What two states must share, besides every answer, for a listener to have nothing to hear about. */
const SAME = ['decided', 'method', 'id', 'updated'] as const

/** The next state, or `state` itself when the action changes nothing. */
export function next(config: ResolvedConfig, state: ConsentState, action: Action, env: Env): ConsentState {
  // `result`, unless it answers as `state` does and agrees with it on the first `count` of SAME.
  let keep = (result: ConsentState, count: number) =>
    SAME.slice(0, count).every((key) => state[key] === result[key]) && agree(config, state, result) ? state : result
  // A new decision keeps the consent id (one per visitor and revision, so proof of consent
  // follows every change) and the first time it was given. Saying again what is already stored
  // (the same answers by the same method) is no change: no new timestamp, no event, no receipt.
  let decide = (pick: (name: string, category?: string) => boolean, method: ConsentMethod): ConsentState =>
    keep(build(config, pick, { decided: true, id: state.id || env.id(), given: state.given || env.now, updated: env.now, method }), 2)
  let { type } = action
  if (type === 'read' || type === 'reset') return keep(start(config, (action as { stored?: ConsentState | null }).stored || null, env.gpc), 4)
  if (action.type === 'allow') {
    let { name } = action
    // An unknown name has no answer (not even `false`), and one already on stays so.
    if ((state.categories[name] ?? state.services[name]) !== false) return state
    // A category's "Always allow" turns on its services too (a service's category is its
    // `parent`): all of them are off while it is. Every other category and service keeps
    // exactly its current answer.
    return decide((item, parent) => item === name || parent === name || isOn(state, item), 'custom')
  }
  if (action.type === 'save') {
    let { choice } = action
    return decide((name, category) => (choice[name] ?? (category && choice[category])) === true, 'custom')
  }
  return decide(() => type === 'accept-all', type as 'accept-all' | 'reject-all')
}
