/**
 * `cookiegate/testing`: helpers for a site's own Playwright tests (playwright-core is an optional
 * peer; the system Chromium works).
 *
 * ```js
 * import { setConsent, expectNoTrackingBeforeConsent } from 'cookiegate/testing'
 * await expectNoTrackingBeforeConsent(await browser.newPage(), 'https://www.example.com/')
 * ```
 */
import type { BrowserContext, Page } from 'playwright-core'
import { resolveConfig } from '../core/config'
import { serializeChoice } from '../core/cookie-value'
import { next, start, type Action } from '../core/model'
import type { Config, ConsentState } from '../core/types'
import { classify, describe, READ_CLAIMS, type Claims, type Finding } from './report'
import { watch } from './watch'

export type { Finding } from './report'

/** A visitor's answer: everything, nothing, or per category/service (left out = refused). */
export type Choice = 'accept-all' | 'reject-all' | Record<string, boolean>

/** The site's config (the same object it gives Cookiegate) and, to set the cookie once instead of on every new document, the site's URL. */
export type SetConsentConfig = Config & { url?: string }

/**
 * Stores a valid choice (CONTRACT §5) in `context` before a page opens, so a test starts as a
 * visitor who accepted, refused or chose per category. Returns the state the page will read.
 * With `url` the cookie is added to the context once; without it an init script writes it in
 * each new document that has none yet (so a `reset()` in the test comes back on the next load).
 */
export async function setConsent(context: BrowserContext, choice: Choice, config: SetConsentConfig = {}): Promise<ConsentState> {
  let { url, ...rest } = config
  let resolved = resolveConfig(rest)
  let now = new Date().toISOString()
  let action: Action = choice === 'accept-all' || choice === 'reject-all' ? { type: choice } : { type: 'save', choice }
  let state = next(resolved, start(resolved, null, false), action, { now, id: () => crypto.randomUUID(), gpc: false })
  let value = encodeURIComponent(serializeChoice(state))
  let { name, domain, path, sameSite } = resolved.cookie
  let expires = Math.floor(Date.now() / 1000) + resolved.expiresDays * 86400
  if (url) {
    let secure = new URL(url).protocol === 'https:'
    await context.addCookies([domain ? { name, value, domain, path, sameSite, secure, expires } : { name, value, url: new URL(path, url).href, sameSite, secure, expires }])
  } else {
    let attributes = `; path=${path}${domain ? `; domain=${domain}` : ''}; samesite=${sameSite}; max-age=${resolved.expiresDays * 86400}`
    await context.addInitScript(
      ([name, value, attributes]) => {
        if (!document.cookie.split('; ').some((c) => c.startsWith(name + '='))) {
          document.cookie = `${name}=${value}${attributes}${location.protocol === 'https:' ? '; secure' : ''}`
        }
      },
      [name, value, attributes]
    )
  }
  return state
}

export interface NoTrackingOptions {
  /** Third-party hosts the page may contact before a choice (a CDN, your own API on another domain). */
  allowedHosts?: string[]
  /** How long to watch at most, in ms (default 10,000). */
  timeout?: number
  /** Quiet time that counts as idle: no request for this long after `load` (default 1,000 ms). */
  idle?: number
}

/** Loads `url` in `page` and waits until it is idle (or the time budget is spent). */
export async function visit(page: Page, url: string, { timeout = 10_000, idle = 1_000 }: NoTrackingOptions = {}): Promise<void> {
  let deadline = Date.now() + timeout
  let last = Date.now()
  let onRequest = () => (last = Date.now())
  page.on('request', onRequest)
  try {
    await page.goto(url, { waitUntil: 'load', timeout })
    while (Date.now() < deadline && Date.now() - last < idle) await page.waitForTimeout(Math.min(100, deadline - Date.now()))
  } finally {
    page.off('request', onRequest)
  }
}

/** What `page` showed before any choice, with the config's claims. */
export async function observe(page: Page, url: string, options: NoTrackingOptions = {}): Promise<{ findings: Finding[]; claims: Claims | null }> {
  let watching = await watch(page)
  await visit(page, url, options)
  let claims = (await page.evaluate(READ_CLAIMS).catch(() => null)) as Claims | null
  let seen = await watching.stop()
  return { findings: classify(seen, page.url() || url, claims, options.allowedHosts), claims }
}

/**
 * Opens `url` in `page` (fresh, not yet navigated), watches it until idle, and throws a readable
 * report when, before any choice, the page contacted a third-party host or set a cookie or a
 * storage key that no required category lists, including one set and removed again (Cookiegate's
 * start-up clean-up erases known trackers' cookies, but a tracker that ran has already tracked).
 */
export async function expectNoTrackingBeforeConsent(page: Page, url: string, options: NoTrackingOptions = {}): Promise<void> {
  let { findings } = await observe(page, url, options)
  let leaks = findings.filter((f) => (f.kind === 'request' ? true : !f.required))
  if (!leaks.length) return
  let error = new Error(`Tracking before consent on ${url}: ${leaks.length} item(s) appeared before any choice\n${describe(leaks)}`)
  error.name = 'TrackingBeforeConsentError'
  throw Object.assign(error, { findings: leaks })
}
