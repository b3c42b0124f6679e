/**
 * Real-browser harness: Debian's Chromium driven by playwright-core (never a downloaded browser),
 * a site server for `http://www.shop.test:PORT/` and a second "analytics host"
 * (`http://analytics.test:PORT2/`), both on loopback through `--host-resolver-rules`.
 *
 * Build first: `npm run build` (the site serves dist/).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { gunzipSync } from 'node:zlib'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Cookie, type Locator, type Page } from 'playwright-core'
import { fileName, type Part } from '../../src/files'

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist')
const VERSION: string = JSON.parse(readFileSync(resolve(DIST, '../package.json'), 'utf8')).version

/** One request received by the analytics host. */
export interface AnalyticsRequest {
  path: string
  url: string
  time: number
  method: string
  /** The request body, for POSTs. */
  body: Buffer
}

/** One event that reached the PostHog capture endpoint of the analytics host. */
export interface PostHogEvent {
  event: string
  distinct_id: unknown
  properties: Record<string, unknown>
  /** When posthog-js captured it (ms since the epoch, browser clock). */
  timestamp: number
  /** When the analytics host received it. */
  received: number
}

/** Answers a request to the analytics host; `body` is the request body. */
export type Route = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void

export interface OpenOptions {
  /** Path the page is served at (default: a fresh `/page-N.html`). */
  path?: string
  /** Script run in every document of the context before the page's own scripts. */
  init?: string
  /** Extra browser-context options. */
  context?: BrowserContextOptions
  /** Called (and awaited) with the page before it navigates, e.g. to listen for requests. */
  setup?: (page: Page) => unknown
  /** Response headers for the page (e.g. a Content-Security-Policy); they replace the defaults. */
  headers?: Record<string, string>
  /** Wait for `window.Cookiegate` after loading (default true; false for a page that only frames one). */
  ready?: boolean
}

/** A page in its own fresh browser context, with what went wrong on it. */
export interface TestPage {
  page: Page
  context: BrowserContext
  url: string
  /** Uncaught exceptions (`pageerror`). */
  pageErrors: string[]
  /** `console.error` messages. */
  consoleErrors: string[]
  /** Requests the analytics host received since this page was opened (optionally only to `path`). */
  requests(path?: string): AnalyticsRequest[]
  /** Waits until `window.Cookiegate` exists (the script tag has initialised). */
  ready(): Promise<void>
  /** Reloads and waits for `load` and Cookiegate. */
  reload(): Promise<void>
  /** Throws when the page had uncaught exceptions or console errors. */
  assertClean(): void
  close(): Promise<void>
}

export interface Harness {
  browser: Browser
  /** `http://www.shop.test:PORT` (no trailing slash). */
  base: string
  /** `http://analytics.test:PORT2` (no trailing slash). */
  analytics: string
  /** Every request the analytics host received, in order. */
  requests: AnalyticsRequest[]
  /**
   * Events received by the analytics host standing in for PostHog (`/static/array.js` is the real
   * posthog-js file; `/e/`, `/i/v0/e/`, `/batch/`, `/capture/` record events; `/flags/` answers no flags).
   */
  posthogEvents: PostHogEvent[]
  /** Adds (or replaces) a route on the analytics host. */
  route(path: string, handler: Route): void
  /** Serves `html` and opens it in a fresh context. */
  page(html: string, options?: OpenOptions): Promise<TestPage>
  /** Serves `html` at `path` (on every host name) without opening it. */
  serve(path: string, html: string, headers?: Record<string, string>): void
  /** Closes every context opened so far (call in afterEach). */
  closePages(): Promise<void>
  close(): Promise<void>
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** The analytics script: sets parent-domain cookies and storage like GA/PostHog and counts its runs. */
const ANALYTICS_JS = `(function () {
  window.__analyticsRuns = (window.__analyticsRuns || 0) + 1;
  window.__analyticsValue = 'set-by-analytics';
  (window.__order = window.__order || []).push('external');
  document.cookie = '_ga=1; domain=shop.test; path=/';
  document.cookie = 'ph_test_posthog=1; domain=shop.test; path=/';
  try { localStorage.setItem('ph_test_key', '1'); } catch (e) {}
})();
`
// 1×1 transparent GIF.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')

function listen(server: Server): Promise<number> {
  return new Promise((res, rej) => {
    server.once('error', rej)
    server.listen(0, '127.0.0.1', () => res((server.address() as AddressInfo).port))
  })
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers?: Record<string, string>) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers })
  res.end(body)
}

// posthog-js's snippet build, what `<apiHost>/static/array.js` serves in production.
const POSTHOG_ARRAY_JS = readFileSync(createRequire(import.meta.url).resolve('posthog-js/dist/array.js'))
const POSTHOG_CAPTURE = ['/e/', '/i/v0/e/', '/batch/', '/capture/', '/track/']

/** posthog-js sends JSON, gzip (`compression=gzip-js`) or a base64 form field (`data=`). */
export function decodePostHog(body: Buffer): Record<string, unknown>[] {
  if (!body.length) return []
  let text = body[0] === 0x1f && body[1] === 0x8b ? gunzipSync(body).toString('utf8') : body.toString('utf8')
  if (text.startsWith('data=')) text = Buffer.from(decodeURIComponent(text.slice(5)), 'base64').toString('utf8')
  let data = JSON.parse(text)
  return Array.isArray(data) ? data : Array.isArray(data.batch) ? data.batch : [data]
}

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((done) => {
    let chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => done(Buffer.concat(chunks)))
    req.on('error', () => done(Buffer.concat(chunks)))
  })

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8'
}

/** Extra Chromium switches, and default Playwright switches to leave out (e.g. `--disable-back-forward-cache`). */
export interface HarnessOptions {
  args?: string[]
  ignoreDefaultArgs?: string[]
}

/** Debian's Chromium (never a downloaded browser), headless, with `*.test` mapped to loopback. */
export function launchChromium(options: HarnessOptions = {}): Promise<Browser> {
  return chromium.launch(launchOptions(options))
}

/**
 * The same Chromium with a regular (not off-the-record) profile in `dir`: its cookie settings are
 * a normal profile's defaults, where `launchChromium`'s contexts are incognito-like and block
 * third-party cookies.
 */
export function launchPersistentChromium(dir: string, options: HarnessOptions = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, launchOptions(options))
}

function launchOptions(options: HarnessOptions) {
  return {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP *.test 127.0.0.1',
      ...(options.args || [])
    ],
    ignoreDefaultArgs: options.ignoreDefaultArgs
  }
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(join(DIST, 'cookiegate.js'))) {
    throw new Error('dist/cookiegate.js is missing: run `npm run build` first')
  }
  // A snapshot of dist/ taken now, so a rebuild running alongside the suite cannot break a page load.
  let files = new Map<string, Buffer>()
  let walk = (dir: string) => {
    for (let name of readdirSync(dir)) {
      let file = join(dir, name)
      if (statSync(file).isDirectory()) walk(file)
      else files.set('/' + relative(DIST, file).split('\\').join('/'), readFileSync(file))
    }
  }
  walk(DIST)
  let pages = new Map<string, string>()
  let pageHeaders = new Map<string, Record<string, string>>()
  /** Requests the site answered with 404 (a missing chunk of the build shows up here). */
  let missing: string[] = []
  let requests: AnalyticsRequest[] = []
  let posthogEvents: PostHogEvent[] = []
  let routes = new Map<string, Route>()
  let counter = 0

  let site = createServer((req: IncomingMessage, res: ServerResponse) => {
    let path = new URL(req.url || '/', 'http://x').pathname
    let html = pages.get(path)
    if (html !== undefined) return send(res, 200, TYPES['.html']!, html, pageHeaders.get(path))
    // dist/cookiegate.js at /cookiegate.js, and anything it may fetch from its own folder.
    let file = files.get(path)
    if (file) return send(res, 200, TYPES[path.slice(path.lastIndexOf('.'))] || 'application/octet-stream', file)
    missing.push(path)
    send(res, 404, 'text/plain', 'not found')
  })

  let analyticsServer = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let url = new URL(req.url || '/', 'http://x')
    let body = await readBody(req)
    requests.push({ path: url.pathname, url: req.url || '/', time: Date.now(), method: req.method || 'GET', body })
    // Cross-origin fetches and `crossorigin` scripts from the site (PostHog's own requests among them).
    if (req.headers.origin) {
      res.setHeader('access-control-allow-origin', req.headers.origin)
      res.setHeader('access-control-allow-credentials', 'true')
      res.setHeader('access-control-allow-headers', req.headers['access-control-request-headers'] || '*')
    }
    if (req.method === 'OPTIONS') return send(res, 204, 'text/plain', '')
    // `?delay=ms` holds the response back, to prove that later gated scripts wait for it.
    let delay = Number(url.searchParams.get('delay') || 0)
    if (delay > 0) await sleep(Math.min(delay, 5000))
    let route = routes.get(url.pathname)
    if (route) return route(req, res, body)
    if (url.pathname === '/static/array.js') return send(res, 200, TYPES['.js']!, POSTHOG_ARRAY_JS)
    if (POSTHOG_CAPTURE.includes(url.pathname)) {
      let received = Date.now()
      try {
        for (let e of decodePostHog(body)) {
          let properties = (e.properties || {}) as Record<string, unknown>
          let timestamp = Date.parse(String(e.timestamp || properties.$time || '')) || Number(properties.$time) * 1000 || received
          posthogEvents.push({ event: String(e.event), distinct_id: e.distinct_id, properties, timestamp, received })
        }
      } catch {}
      return send(res, 200, 'application/json', '{"status":1}')
    }
    if (url.pathname === '/flags/' || url.pathname === '/decide/') {
      return send(res, 200, 'application/json', '{"featureFlags":{},"featureFlagPayloads":{},"errorsWhileComputingFlags":false}')
    }
    if (url.pathname === '/analytics.js') return send(res, 200, TYPES['.js']!, ANALYTICS_JS)
    if (url.pathname === '/pixel.gif') return send(res, 200, 'image/gif', PIXEL)
    if (url.pathname === '/frame.html') return send(res, 200, TYPES['.html']!, '<!doctype html><title>frame</title><link rel="icon" href="data:,"><p>embedded</p>')
    send(res, 404, 'text/plain', 'not found')
  })

  let [sitePort, analyticsPort] = await Promise.all([listen(site), listen(analyticsServer)])
  let base = `http://www.shop.test:${sitePort}`
  let analytics = `http://analytics.test:${analyticsPort}`

  let browser = await launchChromium(options)

  let contexts = new Set<BrowserContext>()

  async function page(html: string, options: OpenOptions = {}): Promise<TestPage> {
    let path = options.path || `/page-${++counter}.html`
    serve(path, html, options.headers)
    let context = await browser.newContext(options.context)
    contexts.add(context)
    if (options.init) await context.addInitScript(options.init)
    let p = await context.newPage()
    let pageErrors: string[] = []
    let consoleErrors: string[] = []
    p.on('pageerror', (error) => pageErrors.push(String(error && error.stack ? error.stack : error)))
    p.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    await options.setup?.(p)
    let since = Date.now()
    let url = base + path
    let ready = async () => {
      try {
        await p.waitForFunction(() => !!(window as unknown as { Cookiegate?: unknown }).Cookiegate, undefined, { timeout: 10000 })
      } catch (error) {
        throw new Error(
          `window.Cookiegate never appeared on ${url} (404s: ${missing.join(', ') || 'none'}; errors: ${[...pageErrors, ...consoleErrors].join(' | ') || 'none'})`,
          { cause: error }
        )
      }
    }
    await p.goto(url, { waitUntil: 'load' })
    if (options.ready !== false) await ready()
    return {
      page: p,
      context,
      url,
      pageErrors,
      consoleErrors,
      requests: (only?: string) => requests.filter((r) => r.time >= since && (!only || r.path === only)),
      ready,
      async reload() {
        await p.reload({ waitUntil: 'load' })
        await ready()
      },
      assertClean() {
        if (pageErrors.length || consoleErrors.length) {
          throw new Error(`page had errors:\n${[...pageErrors, ...consoleErrors].join('\n')}`)
        }
      },
      async close() {
        contexts.delete(context)
        await context.close()
      }
    }
  }

  function serve(path: string, html: string, headers?: Record<string, string>) {
    pages.set(path, html)
    if (headers) pageHeaders.set(path, headers)
    else pageHeaders.delete(path)
  }

  async function closePages() {
    let open = [...contexts]
    contexts.clear()
    await Promise.all(open.map((c) => c.close().catch(() => {})))
  }

  return {
    browser,
    base,
    analytics,
    requests,
    posthogEvents,
    route: (path, handler) => void routes.set(path, handler),
    page,
    serve,
    closePages,
    async close() {
      await closePages()
      await browser.close().catch(() => {})
      await Promise.all(
        [site, analyticsServer].map(
          (s) =>
            new Promise<void>((res) => {
              s.closeAllConnections?.()
              s.close(() => res())
            })
        )
      )
    }
  }
}

/** A test page: config (optional), the gated markup and the script tag. */
export function html(body: string, { head = '', script = '<script src="/cookiegate.js" defer></script>' } = {}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Shop</title>
<link rel="icon" href="data:,">
${head}
${script}
</head>
<body>
<main><h1>Shop</h1><p>Welcome.</p></main>
${body}
</body>
</html>`
}

/**
 * Starts a harness for the test file (beforeAll), closes its pages after each test and the
 * whole of it at the end. Returns a getter, as the harness exists only once beforeAll ran.
 */
export function useHarness(options?: HarnessOptions): () => Harness {
  let h: Harness | undefined
  beforeAll(async () => {
    h = await startHarness(options)
  })
  afterEach(async () => {
    await h?.closePages()
  })
  afterAll(async () => {
    await h?.close()
  })
  return () => h!
}

/** The markup most test pages end with: a footer with a Cookie Settings link. */
export const FOOTER = '<footer><a href="#" data-cookie-settings>Cookie Settings</a></footer>'

/** A Playwright page, or anything that holds one (a TestPage, the SPA suite's pages). */
export type HasPage = Page | { page: Page }
const pageOf = (p: HasPage): Page => ('page' in p ? p.page : p)

/** The first layer, by its accessible name (the English title unless `name` says otherwise). */
export const banner = (p: HasPage, name = 'Cookies on this site') => pageOf(p).getByRole('region', { name })

/** The preferences modal, by its accessible name. */
export const dialog = (p: HasPage, name = 'Cookie settings') => pageOf(p).getByRole('dialog', { name })

/** The stored choice as CONTRACT §5 defines it. */
export interface StoredChoice {
  v: number
  revision: number
  id: string
  given: string
  updated: string
  categories: Record<string, boolean>
  services?: Record<string, boolean>
  method: string
}

/** The `cookiegate` cookie (or `name`) as the browser stores it, with its value decoded; undefined if there is none. */
export async function storedChoice(
  from: BrowserContext | { context: BrowserContext },
  name = 'cookiegate'
): Promise<{ cookie: Cookie; value: StoredChoice } | undefined> {
  let context = 'context' in from && typeof from.context !== 'function' ? from.context : (from as BrowserContext)
  let cookie = (await context.cookies()).find((c) => c.name === name)
  return cookie ? { cookie, value: JSON.parse(decodeURIComponent(cookie.value)) } : undefined
}

/**
 * Waits until the page's network has been quiet for `quiet` ms (no request started or ended),
 * at most `timeout` ms: the condition for a check that something did NOT happen, since what a
 * page does of its own accord (a gated tag, a lazy file, a beacon) shows as a request. Unlike
 * `waitForLoadState('networkidle')`, it also waits after a click, not only after the load.
 */
export async function settled(p: HasPage, quiet = 500, timeout = 15000): Promise<void> {
  let page = pageOf(p)
  let last = Date.now()
  let bump = () => {
    last = Date.now()
  }
  page.on('request', bump).on('requestfinished', bump).on('requestfailed', bump)
  try {
    let end = Date.now() + timeout
    while (Date.now() - last < quiet && Date.now() < end) await sleep(25)
  } finally {
    page.off('request', bump).off('requestfinished', bump).off('requestfailed', bump)
  }
}

/** Resolves once the CSS animations in `locator` (such as the banner's entrance) have finished. */
export const animationsDone = (locator: Locator): Promise<void> =>
  locator.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)).then(() => {}))

/** Resolves once the page has rendered two more frames and delivered their performance entries. */
export const painted = (p: HasPage): Promise<void> =>
  pageOf(p).evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done)))))

/**
 * The one polling style of the browser suite: polls `fn` until `ok` holds or `timeout` ms passed
 * and returns the last value, which the test then asserts (so a timeout fails with what was seen).
 */
export async function waitFor<T>(fn: () => Promise<T> | T, ok: (v: T) => boolean, timeout = 5000): Promise<T> {
  let end = Date.now() + timeout
  let value = await fn()
  while (!ok(value) && Date.now() < end) {
    await sleep(25)
    value = await fn()
  }
  return value
}

/**
 * Context options and init script for pages that run PostHog: posthog-js drops events from
 * browsers that look automated (a `HeadlessChrome` user agent or brand, `navigator.webdriver`).
 */
export const REGULAR_CHROME = {
  context: {
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36'
  },
  init: `Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false });
Object.defineProperty(Navigator.prototype, 'userAgentData', { get: () => undefined });`
}

/** The path of a file the script-tag loader fetches on first need (`/cookiegate-ui-<version>.js`, src/files.ts). */
export const partPath = (part: Part): string => '/' + fileName(part, VERSION)

/** Matches the URL of that file. */
export const partUrl = (part: Part): RegExp => new RegExp(partPath(part).replace(/[.]/g, '\\.') + '(\\?|$)')

/**
 * The initial priority Chromium gives each request of `page` whose URL matches `url`, in order,
 * from now on (the array fills as requests go out).
 */
export async function requestPriorities(page: Page, url: RegExp): Promise<string[]> {
  let priorities: string[] = []
  let cdp = await page.context().newCDPSession(page)
  cdp.on('Network.requestWillBeSent', (event) => {
    if (url.test(event.request.url)) priorities.push(event.request.initialPriority)
  })
  await cdp.send('Network.enable')
  return priorities
}

export { sleep }

/**
 * A throwaway self-signed certificate for `hosts` (made with openssl now, never committed), for
 * https servers on loopback; Chromium then runs with `--ignore-certificate-errors`.
 */
export function selfSignedCertificate(hosts: string[]): { key: Buffer; cert: Buffer } {
  let dir = mkdtempSync(join(tmpdir(), 'cookiegate-tls-'))
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${hosts[0]}`,
      '-addext', `subjectAltName=${hosts.map((host) => 'DNS:' + host).join(',')}`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'pipe' })
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }
  } catch (error) {
    throw new Error('openssl is needed to make a throwaway certificate for the https tests (apt-get install openssl)', { cause: error })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
