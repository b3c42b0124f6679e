/**
 * Watches a Playwright page from before its first navigation: every request, every cookie set
 * (by a response header or by a script, including one deleted again a moment later) and every
 * storage key written. Shared by `expectNoTrackingBeforeConsent` and `cookiegate scan`.
 */
import type { Page } from 'playwright-core'

export interface SeenCookie {
  name: string
  /** The `Domain` attribute, or the host that set it. */
  domain: string
  /** Seconds since the epoch; -1 for a session cookie. */
  expires: number
  /** The page or response that set it. */
  by: string
  /** Still there when the watch ended. */
  kept: boolean
}

export interface SeenStorage {
  area: 'localStorage' | 'sessionStorage'
  key: string
  origin: string
  kept: boolean
}

export interface Seen {
  requests: { url: string; host: string }[]
  cookies: SeenCookie[]
  storage: SeenStorage[]
}

// Runs in every frame before the page's own scripts: reports cookie and storage writes to Node.
const INIT = `(() => {
  let report = globalThis.__cookiegateWatch
  if (typeof report !== 'function') return
  let cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')
  if (cookie && cookie.set) {
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      get() { return cookie.get.call(this) },
      set(value) {
        try { report('cookie', String(value), location.href) } catch {}
        return cookie.set.call(this, value)
      }
    })
  }
  let setItem = Storage.prototype.setItem
  Storage.prototype.setItem = function (key, value) {
    try { report(this === localStorage ? 'localStorage' : 'sessionStorage', String(key), location.origin) } catch {}
    return setItem.call(this, key, value)
  }
})()`

/** Parses one `Set-Cookie` value, or a `document.cookie = …` assignment; null for a deletion. */
export function parseSetCookie(value: string, url: string): Omit<SeenCookie, 'kept'> | null {
  let [pair = '', ...attributes] = value.split(';')
  let at = pair.indexOf('=')
  let name = (at < 0 ? pair : pair.slice(0, at)).trim()
  if (!name) return null
  let host = ''
  try {
    host = new URL(url).hostname
  } catch {}
  let cookie = { name, domain: host, expires: -1, by: url }
  for (let attribute of attributes) {
    let [key = '', ...rest] = attribute.split('=')
    let v = rest.join('=').trim()
    key = key.trim().toLowerCase()
    if (key === 'domain' && v) cookie.domain = v.replace(/^\./, '')
    else if (key === 'expires') cookie.expires = Date.parse(v) / 1000
    else if (key === 'max-age') cookie.expires = Date.now() / 1000 + Number(v)
  }
  // An expiry in the past is how a cookie is deleted: nothing was stored.
  if (cookie.expires !== -1 && !(cookie.expires > Date.now() / 1000)) return null
  return cookie
}

/** Starts watching `page` (which must not have navigated yet); `stop()` returns what was seen. */
export async function watch(page: Page): Promise<{ stop(): Promise<Seen> }> {
  let requests: Seen['requests'] = []
  let cookies: Omit<SeenCookie, 'kept'>[] = []
  let storage: Omit<SeenStorage, 'kept'>[] = []
  await page.exposeBinding('__cookiegateWatch', (_source, kind: string, value: string, where: string) => {
    if (kind === 'cookie') {
      let cookie = parseSetCookie(value, where)
      if (cookie) cookies.push(cookie)
    } else if (kind === 'localStorage' || kind === 'sessionStorage') storage.push({ area: kind, key: value, origin: where })
  })
  await page.addInitScript(INIT)
  let onRequest = (request: { url(): string }) => {
    try {
      let url = new URL(request.url())
      if (url.protocol === 'http:' || url.protocol === 'https:') requests.push({ url: url.href, host: url.hostname })
    } catch {}
  }
  let onResponse = async (response: { url(): string; headersArray(): Promise<{ name: string; value: string }[]> }) => {
    try {
      for (let { name, value } of await response.headersArray()) {
        if (name.toLowerCase() !== 'set-cookie') continue
        for (let line of value.split('\n')) {
          let cookie = parseSetCookie(line, response.url())
          if (cookie) cookies.push(cookie)
        }
      }
    } catch {}
  }
  page.on('request', onRequest)
  page.on('response', onResponse)
  return {
    async stop() {
      page.off('request', onRequest)
      page.off('response', onResponse)
      let jar = await page.context().cookies()
      let kept = new Set(jar.map((c) => `${c.name}@${c.domain.replace(/^\./, '')}`))
      let left = await Promise.all(
        page.frames().map((frame) =>
          frame
            .evaluate(() => {
              let keys = (area: 'localStorage' | 'sessionStorage') => {
                try {
                  return Object.keys(window[area]).map((key) => JSON.stringify([area, location.origin, key]))
                } catch {
                  return []
                }
              }
              return [...keys('localStorage'), ...keys('sessionStorage')]
            })
            .catch(() => [] as string[])
        )
      )
      let stored = new Set(left.flat())
      // Keys that were there without a setItem call we saw (`localStorage.x = …`).
      for (let entry of stored) {
        let [area, origin, key] = JSON.parse(entry) as [string, string, string]
        if (!storage.some((s) => s.area === area && s.key === key && s.origin === origin)) storage.push({ area: area as SeenStorage['area'], key, origin })
      }
      // Cookies in the jar that no write we saw explains (set by a header we missed).
      for (let c of jar) {
        let domain = c.domain.replace(/^\./, '')
        if (!cookies.some((s) => s.name === c.name && s.domain === domain)) cookies.push({ name: c.name, domain, expires: c.expires, by: '' })
      }
      let unique = <T>(list: T[], key: (item: T) => string) => [...new Map(list.map((item) => [key(item), item])).values()]
      return {
        requests,
        cookies: unique(cookies, (c) => `${c.name}@${c.domain}`).map((c) => ({ ...c, kept: kept.has(`${c.name}@${c.domain}`) })),
        storage: unique(storage, (s) => `${s.area}:${s.origin}:${s.key}`).map((s) => ({ ...s, kept: stored.has(JSON.stringify([s.area, s.origin, s.key])) }))
      }
    }
  }
}
