/**
 * The stored choice's value ↔ a state, shared by the browser (./storage) and the server
 * (cookiegate/server), so both apply exactly the same rules. No DOM, no dependencies.
 */
import type { ConsentState, ResolvedConfig } from './types'

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/
const DAY = 864e5
const KEYS = ['v', 'revision', 'id', 'given', 'updated', 'categories', 'method', 'services']
const METHODS = ['accept-all', 'reject-all', 'custom']
// Browsers cap a cookie at 4096 bytes; anything longer did not come from us.
const MAX_LENGTH = 4096

const date = (v: unknown): number => (typeof v === 'string' && ISO.test(v) ? Date.parse(v) : NaN)

/**
 * Turns the cookie value into a state, or `null` ("not decided") when it is missing, malformed,
 * tampered with, from another revision or expired. Never throws.
 */
export function parseChoice(raw: string | undefined, config: ResolvedConfig, now = Date.now()): ConsentState | null {
  let data: any
  try {
    data = raw && raw.length <= MAX_LENGTH && JSON.parse(raw)
  } catch {}
  let object = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v)
  // We write only these keys (`services` when services are configured); anything more was added by someone else.
  if (!object(data) || data.v !== 1 || data.revision !== config.revision || !Object.keys(data).every((key) => KEYS.includes(key))) return null
  let { id, given, updated, method, categories, services: stored } = data
  let updatedAt = date(updated)
  if (
    typeof id !== 'string' ||
    !UUID.test(id) ||
    // A choice from the future or older than `expiresDays` is no longer valid consent.
    !(date(given) <= updatedAt && updatedAt <= now + DAY && now - updatedAt < config.expiresDays * DAY) ||
    !METHODS.includes(method) ||
    !object(categories) ||
    (stored !== undefined && !object(stored))
  ) {
    return null
  }
  let own = (from: Record<string, unknown>, name: string) => (Object.prototype.hasOwnProperty.call(from, name) ? from[name] : undefined)
  // A category or service added since the choice was made has no answer yet: ask again.
  let ok = (value: unknown) => typeof value === 'boolean' && (method === 'custom' || value === (method === 'accept-all'))
  let result: Record<string, boolean> = {}
  let services: Record<string, boolean> = {}
  for (let { name, required, services: list } of config.categories) {
    let value = (result[name] = required || (own(categories, name) as boolean))
    // A cookie written before services existed has none: they take their category's value.
    for (let s of list) services[s.name] = required || ((stored ? own(stored, s.name) : value) as boolean)
    // Required ones are on whatever the cookie says. Tampered: a category is on exactly when one of its services is.
    if (!required && (![value, ...list.map((s) => services[s.name])].every(ok) || (list.length && list.some((s) => services[s.name]) !== value))) {
      return null
    }
  }
  return { decided: true, categories: result, services, revision: config.revision, id, given, updated, method }
}

/** The stored choice's cookie value (CONTRACT §5), before URI encoding; `parseChoice` reads it back. */
export const serializeChoice = (state: ConsentState): string =>
  JSON.stringify({
    v: 1,
    revision: state.revision,
    id: state.id,
    given: state.given,
    updated: state.updated,
    categories: state.categories,
    // Only when services are configured, so the cookie stays as it was for everyone else.
    ...(Object.keys(state.services).length ? { services: state.services } : {}),
    method: state.method
  })
