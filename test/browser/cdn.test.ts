/**
 * Served from a CDN: the page on the site's origin, dist/ on a second origin (`http://cdn.test:PORT`),
 * under a strict CSP (script-src lists only the CDN and the analytics host, no 'unsafe-inline').
 * The CDN sends `Access-Control-Allow-Origin` under `/cors/` and nothing under `/plain/`.
 */
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, join, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { html, useHarness, waitFor, type TestPage } from './harness'

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist')
const harness = useHarness()
let server: Server
let cdn: string
/** Paths the CDN was asked for, in order. */
let asked: string[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    let path = new URL(req.url || '/', 'http://x').pathname
    asked.push(path)
    let [, mode, ...rest] = path.split('/')
    let file = normalize(rest.join('/'))
    let body: Buffer
    try {
      if (file.startsWith('..')) throw new Error('outside dist')
      body = readFileSync(join(DIST, file))
    } catch {
      return res.writeHead(404).end()
    }
    res.writeHead(200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'no-store',
      ...(mode === 'cors' ? { 'access-control-allow-origin': '*' } : {})
    })
    res.end(body)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  cdn = `http://cdn.test:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server?.closeAllConnections()
  await new Promise((r) => server?.close(r))
})

const TRAP = `window.__trap = { csp: [], rejections: [] };
document.addEventListener('securitypolicyviolation', (e) => __trap.csp.push(e.violatedDirective + ' ' + e.blockedURI));
addEventListener('unhandledrejection', (e) => __trap.rejections.push(String(e.reason)));`

/** A page of the site that loads cookiegate.js from the CDN folder `mode`, with a gated analytics tag. */
async function open(mode: 'cors' | 'plain'): Promise<TestPage> {
  let h = harness()
  let csp = `default-src 'self'; script-src ${cdn} ${h.analytics}; style-src 'self'; img-src data:`
  let body = `<script type="text/plain" data-category="analytics" src="${h.analytics}/analytics.js"></script>
<footer><a href="#" data-cookie-settings>Cookie Settings</a></footer>`
  let script = `<script src="${cdn}/${mode}/cookiegate.js" crossorigin="anonymous" defer></script>`
  // `crossorigin` makes the script tag itself a CORS request: without CORS it would not run at all.
  if (mode === 'plain') script = script.replace(' crossorigin="anonymous"', '')
  asked = []
  return h.page(html(body, { script }), { init: TRAP, headers: { 'content-security-policy': csp } })
}
const trap = (p: TestPage) => p.page.evaluate(() => (window as any).__trap as { csp: string[]; rejections: string[] })
const ours = (p: TestPage) => p.consoleErrors.filter((m) => m.startsWith('Cookiegate:'))
const uiRequests = () => asked.filter((path) => /\/cookiegate-ui-[\d.]+\.js$/.test(path)).length

describe('served from another origin (Chromium, strict CSP)', () => {
  test('with CORS headers the banner shows and the settings link opens the preferences', async () => {
    let p = await open('cors')
    await p.page.getByRole('region', { name: 'Cookies on this site' }).waitFor({ state: 'visible' })
    await p.page.getByRole('link', { name: 'Cookie Settings' }).click()
    await p.page.getByRole('dialog', { name: 'Cookie settings' }).waitFor({ state: 'visible' })
    expect(asked.some((path) => /^\/cors\/cookiegate-preferences-[\w.-]+\.js$/.test(path))).toBe(true)
    expect(await trap(p)).toEqual({ csp: [], rejections: [] })
    expect(p.requests('/analytics.js')).toEqual([])
    p.assertClean()
  })

  test('without CORS headers the error names the file, its URL and CORS; the link tries again; nothing runs', async () => {
    let p = await open('plain')
    let errors = await waitFor(() => ours(p), (list) => list.length > 0)
    expect(errors[0]).toMatch(/cookiegate-ui-[\d.]+\.js/)
    expect(errors[0]).toContain(`${cdn}/plain/cookiegate-ui-`)
    expect(errors[0]).toContain('CORS')
    expect(errors[0]).toContain('Access-Control-Allow-Origin')
    // The loader itself runs (a classic script needs no CORS); only its parts are blocked.
    expect(await p.page.evaluate(() => typeof window.Cookiegate?.open)).toBe('function')
    expect(await p.page.locator('#cookiegate').count()).toBe(0)

    // Each use of the settings link fetches the UI again, and fails closed again.
    let link = p.page.getByRole('link', { name: 'Cookie Settings' })
    for (let attempt = 1; attempt <= 2; attempt++) {
      let before = uiRequests()
      let logged = ours(p).length
      await link.click()
      expect(await waitFor(uiRequests, (n) => n > before)).toBeGreaterThan(before)
      expect(await waitFor(() => ours(p).length, (n) => n > logged)).toBeGreaterThan(logged)
    }
    expect(await p.page.getByRole('dialog').count()).toBe(0)
    // Nothing threw into the page, and nothing optional ran.
    expect(p.pageErrors).toEqual([])
    expect(await trap(p)).toEqual({ csp: [], rejections: [] })
    expect(p.requests('/analytics.js')).toEqual([])
    expect(await p.page.evaluate(() => window.Cookiegate!.allowed('analytics'))).toBe(false)
  })
})
