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
  // Version 4, variant 10xx (RFC 9562).
  b[6] = (b[6]! & 15) | 64
  b[8] = (b[8]! & 63) | 128
  return Array.from(b, (x) => (x + 256).toString(16).slice(1))
    .join('')
    .replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-')
}

export function createChoiceStore(config: ResolvedConfig): ChoiceStore {
  let { name, domain, path, sameSite } = config.cookie
  // Secure whenever the page is https; a Secure cookie cannot be set over plain http.
  let https = location.protocol === 'https:'
  let cookies = Cookies.withAttributes({ path, domain, sameSite, secure: https })
  // In a cross-site frame (an app embedded by a platform) the browser refuses a SameSite=Lax or
  // Strict cookie, and a plain SameSite=None one where third-party cookies are blocked. A
  // partitioned cookie (CHIPS) is kept there, in a jar of its own per embedding site. It is only
  // tried once the usual cookie did not stick, so first-party pages and same-site frames keep
  // exactly that one. js-cookie writes unknown attributes as they are: `; partitioned`.
  let framed = https && window.top !== window
  let partitioned = cookies.withAttributes({ sameSite: 'None', secure: true, partitioned: true })
  // Where cookies are blocked or `document.cookie` throws (sandboxed frames, strict privacy
  // settings), a refused write keeps the choice here, for this page only.
  let memory: string | undefined
  let get = (): string | undefined => {
    try {
      return cookies.get(name)
    } catch {}
  }
  let set = (jar: typeof cookies, value: string): boolean => {
    try {
      jar.set(name, value, { expires: config.expiresDays })
    } catch {}
    return get() === value
  }
  return {
    read: () => parseChoice(memory ?? get(), config),
    write(state) {
      let value = serializeChoice(state)
      let stored = set(cookies, value) || (framed && set(partitioned, value))
      memory = stored ? undefined : value
      return stored
    },
    clear() {
      memory = undefined
      try {
        cookies.remove(name)
        if (framed) partitioned.remove(name)
      } catch {}
    }
  }
}
