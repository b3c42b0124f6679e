/**
 * Cookiegate inside a third-party platform's iframe, over https (a throwaway self-signed
 * certificate made at test time): `https://platform.test:PORT/embed` frames the site
 * `https://www.site.test:PORT/app`. There a SameSite=Lax cookie cannot be stored, so the choice
 * goes into a partitioned (CHIPS) cookie, kept per embedding site. Run with Chromium's default
 * cookie settings (which in this Chromium block third-party cookies), with third-party cookies
 * allowed, and with `--test-third-party-cookie-phaseout`; a control shows which of them restrict.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { BrowserContext, Frame, Page } from 'playwright-core'
import { html, launchPersistentChromium, selfSignedCertificate, sleep, waitFor } from './harness'

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist')
let server: Server
let port: number
const site = () => `https://www.site.test:${port}`
const platform = () => `https://platform.test:${port}`
/** The site's apex: a frame of www.site.test under it is same-site, though cross-origin. */
const apex = () => `https://site.test:${port}`

// A tracker on the site, as analytics tags do in a partitioned frame: a partitioned cookie, and
// an unpartitioned one that Chromium keeps only while third-party cookies are allowed.
const ANALYTICS = `window.__analyticsRuns = (window.__analyticsRuns || 0) + 1;
document.cookie = '_ga=1; path=/; secure; samesite=none; partitioned';
document.cookie = '_gid=1; path=/; secure; samesite=none';`
const APP = html(
  `<script type="text/plain" data-category="analytics" src="/analytics.js"></script>
<footer><a href="#" data-cookie-settings>Cookie Settings</a></footer>`
)
const embed = (src: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Platform</title><link rel="icon" href="data:,"></head>
<body><h1>Platform</h1><iframe src="${src}" title="App" width="800" height="600"></iframe></body></html>`

beforeAll(async () => {
  let { key, cert } = selfSignedCertificate(['site.test', 'www.site.test', 'platform.test'])
  server = createServer({ key, cert }, (req, res) => {
    let path = new URL(req.url || '/', 'https://x').pathname
    let host = (req.headers.host || '').split(':')[0]
    let send = (type: string, body: string | Buffer) => res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body)
    if (path === '/embed') return send('text/html', embed(site() + '/app'))
    if (path === '/app' && host === 'www.site.test') return send('text/html', APP)
    if (path === '/analytics.js') return send('text/javascript', ANALYTICS)
    let file = normalize(path.slice(1))
    if (/^cookiegate[\w.-]*\.js$|^i18n\//.test(file)) {
      try {
        return send('text/javascript', readFileSync(join(DIST, file)))
      } catch {}
    }
    res.writeHead(404).end()
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  port = (server.address() as AddressInfo).port
})
afterAll(async () => {
  server?.closeAllConnections()
  await new Promise((r) => server?.close(r))
})

interface Visit {
  page: Page
  /** The site's document: the frame, or the page itself when opened first-party. */
  app: Frame
  errors: string[]
}

/** A new page in `context` (the next visit, same browser profile), at `url`, once the site's Cookiegate is up. */
async function visit(context: BrowserContext, url: string): Promise<Visit> {
  let page = await context.newPage()
  let errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  await page.goto(url, { waitUntil: 'load' })
  let app = await waitFor(() => page.frames().find((f) => f.url() === site() + '/app'), Boolean)
  if (!app) throw new Error(`no frame of ${site()}/app in ${url}`)
  await app.waitForFunction(() => !!(window as any).Cookiegate, undefined, { timeout: 10000 })
  return { page, app, errors }
}
const ui = (v: Visit) => (v.app === v.page.mainFrame() ? v.page : v.page.frameLocator('iframe'))
const banner = (v: Visit) => ui(v).getByRole('region', { name: 'Cookies on this site' })
const state = (v: Visit) => v.app.evaluate(() => window.Cookiegate!.consent.get())
const runs = (v: Visit) => v.app.evaluate(() => (window as any).__analyticsRuns ?? 0)
const named = async (context: BrowserContext, name: string) => (await context.cookies()).filter((c) => c.name === name)

/** Accept all from the banner, and wait until the banner is gone. */
async function accept(v: Visit) {
  await banner(v).getByRole('button', { name: 'Accept all' }).click()
  await banner(v).waitFor({ state: 'detached' })
}

// Chromium 156 (Debian) blocks third-party cookies in a new profile by default; Chrome as most
// people run it allows them ("Allow third-party cookies", profile pref `cookie_controls_mode` 0).
// `--test-third-party-cookie-phaseout` is Google's switch for testing the restriction (it gives
// way to an explicit allow, so it runs on a default profile).
const MODES = [
  { mode: 'third-party cookies allowed', args: [] as string[], prefs: { profile: { cookie_controls_mode: 0 } }, restricted: false },
  { mode: 'default cookie settings', args: [] as string[], prefs: undefined, restricted: true },
  { mode: '--test-third-party-cookie-phaseout', args: ['--test-third-party-cookie-phaseout'], prefs: undefined, restricted: true }
]

describe.each(MODES)('in a cross-site frame over https, $mode (Chromium)', ({ args, prefs, restricted }) => {
  // A regular profile per test (a fresh temp dir): Playwright's `browser.newContext()` is
  // incognito-like, where the cookie settings are not a normal profile's.
  let dirs: string[] = []
  let fresh = () => {
    let dir = mkdtempSync(join(tmpdir(), 'cookiegate-profile-'))
    dirs.push(dir)
    if (prefs) {
      mkdirSync(join(dir, 'Default'))
      writeFileSync(join(dir, 'Default', 'Preferences'), JSON.stringify(prefs))
    }
    return launchPersistentChromium(dir, { args: ['--ignore-certificate-errors', ...args] })
  }
  afterAll(() => {
    for (let dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  test(`control (a plain SameSite=None cookie set in the frame is ${restricted ? 'not kept' : 'kept'}); the next visit remembers Accept, then a withdrawal; reset() forgets; leftovers are erased`, { timeout: 90000 }, async () => {
    let context = await fresh()
    try {
      let first = await visit(context, platform() + '/embed')
      // The control: what this browser keeps from a cross-site frame.
      let kept = await first.app.evaluate(() => {
        let keeps = (name: string, attributes: string) => {
          document.cookie = `${name}=1; path=/; ${attributes}`
          let ok = document.cookie.split('; ').includes(`${name}=1`)
          document.cookie = `${name}=; path=/; ${attributes}; max-age=0`
          return ok
        }
        return {
          none: keeps('control_none', 'secure; samesite=none'),
          partitioned: keeps('control_chips', 'secure; samesite=none; partitioned'),
          lax: keeps('control_lax', 'secure; samesite=lax')
        }
      })
      expect(kept).toEqual({ none: !restricted, partitioned: true, lax: false })

      await banner(first).waitFor({ state: 'visible' })
      expect(await runs(first)).toBe(0)
      await accept(first)
      await waitFor(() => runs(first), (n) => n === 1)
      let [cookie, ...more] = await named(context, 'cookiegate')
      expect(more).toEqual([])
      // CHIPS: kept in the jar of the embedding site.
      expect(cookie).toMatchObject({ secure: true, sameSite: 'None', domain: 'www.site.test', path: '/' })
      expect(cookie!.partitionKey).toMatch(/^https:\/\/platform\.test/)
      expect(JSON.parse(decodeURIComponent(cookie!.value))).toMatchObject({ method: 'accept-all', categories: { analytics: true } })
      await first.page.close()

      let second = await visit(context, platform() + '/embed')
      expect(await state(second)).toMatchObject({ decided: true, method: 'accept-all', categories: { analytics: true } })
      await waitFor(() => runs(second), (n) => n === 1)
      expect(await banner(second).count()).toBe(0)
      expect((await named(context, '_ga')).length).toBe(1)
      expect((await named(context, '_gid')).length).toBe(restricted ? 0 : 1)

      // Withdrawal from the frame's own settings link.
      await ui(second).getByRole('link', { name: 'Cookie Settings' }).click()
      let dialog = ui(second).getByRole('dialog', { name: 'Cookie settings' })
      await dialog.getByRole('switch', { name: 'Analytics' }).uncheck()
      await dialog.getByRole('button', { name: 'Save choices' }).click()
      await dialog.waitFor({ state: 'hidden' })
      expect(await state(second)).toMatchObject({ method: 'custom', categories: { analytics: false } })
      // The tracker's cookies of this frame are gone, partitioned or not.
      expect(await named(context, '_ga')).toEqual([])
      expect(await named(context, '_gid')).toEqual([])
      expect(second.errors).toEqual([])
      await second.page.close()

      let third = await visit(context, platform() + '/embed')
      expect(await state(third)).toMatchObject({ decided: true, method: 'custom', categories: { analytics: false } })
      await sleep(300)
      expect(await runs(third)).toBe(0)
      expect(await banner(third).count()).toBe(0)
      await third.app.evaluate(() => window.Cookiegate!.reset())
      await banner(third).waitFor({ state: 'visible' })
      expect(await named(context, 'cookiegate')).toEqual([])
      expect(third.errors).toEqual([])
      await third.page.close()

      let fourth = await visit(context, platform() + '/embed')
      await banner(fourth).waitFor({ state: 'visible' })
      expect((await state(fourth)).decided).toBe(false)
      expect(fourth.errors).toEqual([])
    } finally {
      await context.close()
    }
  })

  test('a first-party page and a same-site frame keep the SameSite=Lax cookie, not partitioned', { timeout: 90000 }, async () => {
    let context = await fresh()
    try {
      for (let url of [site() + '/app', apex() + '/embed']) {
        await context.clearCookies()
        let v = await visit(context, url)
        await accept(v)
        let cookies = await named(context, 'cookiegate')
        expect(cookies).toHaveLength(1)
        expect(cookies[0]).toMatchObject({ secure: true, sameSite: 'Lax', domain: 'www.site.test', path: '/' })
        expect(cookies[0]!.partitionKey).toBeUndefined()
        let next = await visit(context, url)
        expect(await state(next)).toMatchObject({ decided: true, method: 'accept-all' })
        expect([...v.errors, ...next.errors]).toEqual([])
        await v.page.close()
        await next.page.close()
      }
    } finally {
      await context.close()
    }
  })
})
