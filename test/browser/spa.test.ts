/**
 * The SPA demo (demo/spa.html + demo/spa.ts) through the npm import, on the demo's own Vite dev
 * server (demo/vite.config.ts, `cookiegate` aliased to src/index.ts) on a random loopback port:
 * `cg.whenAllowed('analytics').then(() => import('./analytics-module'))`, a gated tag that a route
 * adds after consent, and withdrawal through a Cookie Settings button rendered after start-up.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { launchChromium } from './harness'

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const MODULE = '/analytics-module.ts'

interface DemoEvent {
  event: string
  page: string | null
  url: string
}

interface SpaWindow {
  demoAnalyticsModule?: { views: { page: string }[] }
  demoAnalytics?: { runs: { page: string | null }[] }
}

let server: ViteDevServer
let browser: Browser
let base: string
let cacheDir: string
let contexts: BrowserContext[] = []

beforeAll(async () => {
  // A cache of our own, so this never races `npm run demo` over node_modules/.vite.
  cacheDir = mkdtempSync(join(tmpdir(), 'cookiegate-spa-vite-'))
  server = await createServer({
    configFile: resolve(REPO, 'demo/vite.config.ts'),
    cacheDir,
    logLevel: 'error',
    clearScreen: false,
    // The app's dependencies, bundled once at start-up: no discovery at run time, so no
    // "new dependencies optimized" full reload in the middle of a test.
    optimizeDeps: { noDiscovery: true, include: ['preact', 'preact/hooks', 'preact/jsx-runtime', 'nanostores', 'js-cookie'] },
    server: { port: 0, host: '127.0.0.1', strictPort: false, watch: null }
  })
  await server.listen()
  let address = server.httpServer!.address() as AddressInfo
  base = `http://127.0.0.1:${address.port}`
  browser = await launchChromium()
  // Transform the app once before the first test, so its timing does not include a cold start.
  await Promise.all(['/spa.ts', MODULE].map((url) => server.warmupRequest(url)))
})

afterEach(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => {})))
  contexts = []
})

afterAll(async () => {
  await browser?.close().catch(() => {})
  await server?.close()
  if (cacheDir) rmSync(cacheDir, { recursive: true, force: true })
})

interface SpaPage {
  page: Page
  context: BrowserContext
  /** Paths requested from the dev server, in order. */
  requests: string[]
  errors: string[]
}

async function openSpa(hash = ''): Promise<SpaPage> {
  let context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  contexts.push(context)
  let page = await context.newPage()
  page.setDefaultTimeout(10000)
  let requests: string[] = []
  let errors: string[] = []
  page.on('request', (r) => requests.push(new URL(r.url()).pathname))
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  await page.goto(`${base}/spa.html${hash}`, { waitUntil: 'load' })
  return { page, context, requests, errors }
}

const banner = (p: SpaPage) => p.page.getByRole('region', { name: 'Cookies on this site' })
const dialog = (p: SpaPage) => p.page.getByRole('dialog', { name: 'Cookie settings' })
const moduleViews = (p: SpaPage) => p.page.evaluate(() => (window as SpaWindow).demoAnalyticsModule?.views.map((v) => v.page) ?? null)
const tagRuns = (p: SpaPage) => p.page.evaluate(() => (window as SpaWindow).demoAnalytics?.runs.map((r) => r.page) ?? [])

/** The events the demo's analytics server lists for this visitor (it keys them by the consent cookie). */
const serverEvents = (p: SpaPage) => p.page.evaluate(() => fetch('/demo-analytics/events').then((r) => r.json())) as Promise<DemoEvent[]>

async function consentCookie(context: BrowserContext): Promise<{ categories: Record<string, boolean>; method: string } | null> {
  let cookie = (await context.cookies()).find((c) => c.name === 'cookiegate')
  return cookie ? JSON.parse(decodeURIComponent(cookie.value)) : null
}

/** `expect.poll` with room for a loaded machine (its default gives up after 1 s). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10000, interval: 50 })

/** Follows an app route from the header navigation. */
async function go(p: SpaPage, name: string) {
  await p.page.locator('#routes').getByRole('link', { name, exact: true }).click()
}

async function acceptAll(p: SpaPage) {
  await banner(p).getByRole('button', { name: 'Accept all' }).click()
  await banner(p).waitFor({ state: 'hidden' })
}

describe('SPA demo (npm import, Vite dev server)', () => {
  test('whenAllowed stays pending before a choice; Accept all resolves it and only then imports the analytics module', async () => {
    let p = await openSpa()

    // The banner is up (the lazy UI chunk has loaded) and nothing optional has been fetched or run.
    await banner(p).waitFor({ state: 'visible' })
    await poll(() => p.page.locator('#when-allowed').textContent()).toContain('is pending')
    expect(p.requests).not.toContain(MODULE)
    expect(p.requests).not.toContain('/demo-analytics/capture')
    expect(await moduleViews(p)).toBeNull()
    expect(await consentCookie(p.context)).toBeNull()

    let requestsBeforeClick = p.requests.length
    await acceptAll(p)

    // whenAllowed resolved, the module was requested after the click, and it sent its page view.
    await p.page.waitForFunction(() => ((window as SpaWindow).demoAnalyticsModule?.views.length ?? 0) >= 1)
    expect(await moduleViews(p)).toEqual(['#/'])
    expect(p.requests.indexOf(MODULE)).toBeGreaterThanOrEqual(requestsBeforeClick)
    expect(p.requests.filter((r) => r === MODULE)).toHaveLength(1)
    await poll(() => p.page.locator('#when-allowed').textContent()).toContain('resolved')
    await poll(async () => (await serverEvents(p)).filter((e) => e.page?.includes('whenAllowed module')).length).toBe(1)
    expect(await consentCookie(p.context)).toMatchObject({ method: 'accept-all', categories: { analytics: true } })

    // Later route changes are page views of the already-loaded module: no second request for it.
    await go(p, 'Settings')
    await poll(() => moduleViews(p)).toEqual(['#/', '#/settings'])
    expect(p.requests.filter((r) => r === MODULE)).toHaveLength(1)
    expect(p.errors).toEqual([])
  })

  test('a gated tag added by a route after consent runs; a Cookie Settings button rendered later withdraws consent', async () => {
    let p = await openSpa()
    await banner(p).waitFor({ state: 'visible' })

    // The route is rendered after the choice: its freshly inserted text/plain tag must still run.
    await acceptAll(p)
    expect(p.requests).not.toContain('/demo-analytics.js')
    await go(p, 'Reports')
    await p.page.waitForFunction(() => ((window as SpaWindow).demoAnalytics?.runs.length ?? 0) >= 1)
    expect(await tagRuns(p)).toEqual(['#/reports'])
    expect(p.requests.filter((r) => r === '/demo-analytics.js')).toHaveLength(1)
    await poll(() => p.page.locator('#tag-status').textContent()).toContain('The tag ran')
    let names = async () => (await p.context.cookies()).map((c) => c.name)
    expect(await names()).toContain('_ga')
    expect(await p.page.evaluate(() => localStorage.getItem('ph_demo'))).not.toBeNull()

    // The Settings route renders its Cookie Settings button long after start-up.
    await go(p, 'Settings')
    let settings = p.page.locator('#view').getByRole('button', { name: 'Cookie Settings' })
    await settings.click()
    await dialog(p).waitFor({ state: 'visible' })
    let analytics = dialog(p).getByRole('switch', { name: 'Analytics' })
    expect(await analytics.isChecked()).toBe(true)
    await analytics.uncheck()
    expect(await analytics.isChecked()).toBe(false)
    await dialog(p).getByRole('button', { name: 'Save choices' }).click()
    await dialog(p).waitFor({ state: 'hidden' })

    // Withdrawn: stored, the tag's cookie and storage key are gone, whenAllowed is pending again.
    expect(await consentCookie(p.context)).toMatchObject({ method: 'custom', categories: { analytics: false } })
    await poll(names).not.toContain('_ga')
    expect(await p.page.evaluate(() => localStorage.getItem('ph_demo'))).toBeNull()
    await poll(() => p.page.locator('#when-allowed').textContent()).toContain('is pending')
    await poll(() => p.page.locator('#consent-state').textContent()).toContain('Custom choice')

    // The route's new tag stays inert, and route changes are no longer counted.
    let views = (await moduleViews(p))!.length
    await go(p, 'Reports')
    await poll(() => p.page.locator('#tag-status').textContent()).toContain('waiting as type="text/plain"')
    expect(await p.page.locator('#view script[data-category="analytics"]').getAttribute('type')).toBe('text/plain')
    expect(await tagRuns(p)).toEqual(['#/reports'])
    expect(await moduleViews(p)).toHaveLength(views)
    expect(p.errors).toEqual([])
  })
})
