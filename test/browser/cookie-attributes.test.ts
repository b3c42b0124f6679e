/**
 * The stored choice's cookie attributes as Chromium keeps them over https: a self-signed
 * certificate made at test time (never committed) and `--ignore-certificate-errors`.
 */
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { html, partPath, selfSignedCertificate, useHarness } from './harness'

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist')
const harness = useHarness({ args: ['--ignore-certificate-errors'] })
let server: Server
let origin: string
let pages = new Map<string, string>()

beforeAll(async () => {
  let { key, cert } = selfSignedCertificate(['www.shop.test', 'shop.test'])
  server = createServer({ key, cert }, (req, res) => {
    let path = new URL(req.url || '/', 'https://x').pathname
    let page = pages.get(path)
    if (page !== undefined) return res.writeHead(200, { 'content-type': 'text/html' }).end(page)
    if (path === '/cookiegate.js' || path === partPath('ui')) return res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(DIST, path)))
    res.writeHead(404).end()
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  origin = `https://www.shop.test:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server?.closeAllConnections()
  await new Promise((r) => server?.close(r))
})

/** Accepts on an https page with `config` and returns the `cookiegate` cookie as Chromium stores it. */
async function storedOver(config: object) {
  let path = `/shop/page-${pages.size}.html`
  pages.set(path, html('', { head: `<script type="application/json" id="cookiegate-config">${JSON.stringify(config)}</script>` }))
  let context = await harness().browser.newContext()
  try {
    let page = await context.newPage()
    let errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(origin + path)
    await page.getByRole('button', { name: 'Accept all' }).click()
    await page.getByRole('region', { name: 'Cookies on this site' }).waitFor({ state: 'detached' })
    expect(errors).toEqual([])
    return (await context.cookies()).find((c) => c.name === 'cookiegate')!
  } finally {
    await context.close()
  }
}
const inDays = (expires: number) => (expires * 1000 - Date.now()) / 864e5

describe('stored choice over https (Chromium)', () => {
  test('is Secure, SameSite=Lax, host-only on path / and lasts 182 days by default', async () => {
    let cookie = await storedOver({})
    expect(cookie).toMatchObject({ secure: true, sameSite: 'Lax', domain: 'www.shop.test', path: '/', httpOnly: false })
    expect(inDays(cookie.expires)).toBeGreaterThan(181.9)
    expect(inDays(cookie.expires)).toBeLessThan(182.1)
  })

  test('takes the configured domain, path, SameSite and lifetime', async () => {
    let cookie = await storedOver({ cookie: { domain: 'shop.test', path: '/shop', sameSite: 'Strict' }, expiresDays: 30 })
    expect(cookie).toMatchObject({ secure: true, sameSite: 'Strict', domain: '.shop.test', path: '/shop' })
    expect(inDays(cookie.expires)).toBeGreaterThan(29.9)
    expect(inDays(cookie.expires)).toBeLessThan(30.1)
  })

  test('SameSite=None is stored, as Secure', async () => {
    let cookie = await storedOver({ cookie: { sameSite: 'None', path: '/' } })
    expect(cookie).toMatchObject({ secure: true, sameSite: 'None' })
  })
})
