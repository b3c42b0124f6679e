import Cookies from 'js-cookie'
import type { ConsentState, ResolvedConfig } from './types'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/
const DAY = 864e5
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
  // We write exactly these seven keys; anything more was added by someone else.
  if (Object.keys(data).length !== 7) return null
  let { id, given, updated, method, categories } = data
  let givenAt = date(given)
  let updatedAt = date(updated)
  if (typeof id !== 'string' || !UUID.test(id)) return null
  // A choice from the future or older than `expiresDays` is no longer valid consent.
  if (!(givenAt <= updatedAt && updatedAt <= now + DAY && now - updatedAt < config.expiresDays * DAY)) return null
  if (method !== 'accept-all' && method !== 'reject-all' && method !== 'custom') return null
  if (!categories || typeof categories !== 'object' || Array.isArray(categories)) return null
  let result: Record<string, boolean> = {}
  for (let { name, required } of config.categories) {
    let value = Object.prototype.hasOwnProperty.call(categories, name) ? categories[name] : undefined
    if (required) {
      result[name] = true
      continue
    }
    // A category added since the choice was made has no answer yet: ask again.
    if (typeof value !== 'boolean') return null
    if ((method === 'accept-all' && !value) || (method === 'reject-all' && value)) return null
    result[name] = value
  }
  return { decided: true, categories: result, revision: config.revision, id, given, updated, method }
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
      let value = JSON.stringify({
        v: 1,
        revision: state.revision,
        id: state.id,
        given: state.given,
        updated: state.updated,
        categories: state.categories,
        method: state.method
      })
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
