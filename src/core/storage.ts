import Cookies from 'js-cookie'
import { parseChoice, serializeChoice } from './parse'
import type { ConsentState, ResolvedConfig } from './types'

// Parsing lives in ./parse, which the server entry shares without js-cookie.
export { parseChoice }

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
