import Cookies from 'js-cookie'
import { serializeChoice } from './cookie-value'
import type { ConsentState, ResolvedConfig } from './types'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/
const DAY = 864e5
const KEYS = ['v', 'revision', 'id', 'given', 'updated', 'categories', 'method', 'services']
// Browsers cap a cookie at 4096 bytes; anything longer did not come from us.
const MAX_LENGTH = 4096

/** The stored choice: one cookie, written and read through js-cookie. */
export interface ChoiceStore {
  read(): ConsentState | null
  /** Returns false when the browser refused the cookie (blocked cookies, wrong domain). */
  write(state: ConsentState): boolean
  clear(): void
}

/** A random UUID v4; `crypto.randomUUID` exists only in secure contexts, so plain http falls back. */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  let b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  let hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

const date = (v: unknown): number => (typeof v === 'string' && ISO.test(v) ? Date.parse(v) : NaN)

/**
 * Turns the cookie value into a state, or `null` ("not decided") when it is missing, malformed,
 * tampered with, from another revision or expired. Never throws.
 */
export function parseChoice(raw: string | undefined, config: ResolvedConfig, now = Date.now()): ConsentState | null {
  if (!raw || raw.length > MAX_LENGTH) return null
  let data: any
  try {
    data = JSON.parse(raw)
  } catch {
    return null
  }
  if (!data || typeof data !== 'object' || data.v !== 1 || data.revision !== config.revision) return null
  // We write only these keys (`services` when services are configured); anything more was added by someone else.
  if (!Object.keys(data).every((key) => KEYS.includes(key))) return null
  let { id, given, updated, method, categories } = data
  let givenAt = date(given)
  let updatedAt = date(updated)
  if (typeof id !== 'string' || !UUID.test(id)) return null
  // A choice from the future or older than `expiresDays` is no longer valid consent.
  if (!(givenAt <= updatedAt && updatedAt <= now + DAY && now - updatedAt < config.expiresDays * DAY)) return null
  if (method !== 'accept-all' && method !== 'reject-all' && method !== 'custom') return null
  if (!categories || typeof categories !== 'object' || Array.isArray(categories)) return null
  let stored = data.services
  if (stored !== undefined && (!stored || typeof stored !== 'object' || Array.isArray(stored))) return null
  let own = (from: Record<string, unknown>, name: string) => (Object.prototype.hasOwnProperty.call(from, name) ? from[name] : undefined)
  // A category or service added since the choice was made has no answer yet: ask again.
  let bad = (value: unknown) =>
    typeof value !== 'boolean' || (method === 'accept-all' && !value) || (method === 'reject-all' && value)
  let result: Record<string, boolean> = {}
  let services: Record<string, boolean> = {}
  for (let { name, required, services: list } of config.categories) {
    let value = own(categories, name)
    if (required) {
      result[name] = true
      for (let s of list) services[s.name] = true
      continue
    }
    if (bad(value)) return null
    result[name] = value as boolean
    // A cookie written before services existed has none: they take their category's value.
    for (let s of list) {
      let on = stored ? own(stored, s.name) : value
      if (bad(on)) return null
      services[s.name] = on as boolean
    }
    // Tampered: a category is on exactly when one of its services is.
    if (list.length && list.some((s) => services[s.name]) !== value) return null
  }
  return { decided: true, categories: result, services, revision: config.revision, id, given, updated, method }
}

export function createChoiceStore(config: ResolvedConfig): ChoiceStore {
  let { name, domain, path, sameSite } = config.cookie
  let cookies = Cookies.withAttributes({
    path,
    domain,
    sameSite,
    // Secure whenever the page is https; a Secure cookie cannot be set over plain http.
    secure: location.protocol === 'https:'
  })
  // Where cookies are blocked or `document.cookie` throws (sandboxed or third-party frames,
  // strict privacy settings), a refused write keeps the choice here, for this page only.
  let memory: string | undefined
  let get = (): string | undefined => {
    try {
      return cookies.get(name)
    } catch {
      return undefined
    }
  }
  return {
    read: () => parseChoice(memory ?? get(), config),
    write(state) {
      let value = serializeChoice(state)
      try {
        cookies.set(name, value, { expires: config.expiresDays })
      } catch {}
      let stored = get() === value
      memory = stored ? undefined : value
      return stored
    },
    clear() {
      memory = undefined
      try {
        cookies.remove(name)
      } catch {}
    }
  }
}
