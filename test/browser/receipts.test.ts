/** Proof-of-consent receipts in Chromium, received by a loopback endpoint on another origin. */
import { beforeAll, describe, expect, test } from 'vitest'
import { dialog, FOOTER, html, partUrl, sleep, storedChoice, useHarness, waitFor, type TestPage } from './harness'

const harness = useHarness()
beforeAll(() => {
  // A receiver that stores nothing here: the harness records every request with its body.
  harness().route('/receipts', (_req, res) => {
    res.writeHead(204)
    res.end()
  })
})
const page = (init?: string) =>
  harness().page(
    html(FOOTER, {
      head: `<script type="application/json" id="cookiegate-config">${JSON.stringify({ receipts: { url: `${harness().analytics}/receipts` } })}</script>`
    }),
    { path: `/shop-${Math.random().toString(36).slice(2)}.html`, init }
  )
const receipts = (p: TestPage) => p.requests('/receipts').map((r) => JSON.parse(r.body.toString('utf8')))
const cookieId = async (p: TestPage) => (await storedChoice(p))?.value.id

describe('proof of consent (Chromium)', () => {
  test('each stored choice sends a receipt that matches the stored consent id', async () => {
    let p = await page()
    await p.page.goto(p.url + '?utm_source=mail&email=a%40b.test')
    await p.ready()
    await p.page.getByRole('button', { name: 'Accept all' }).click()
    let [first] = await waitFor(async () => receipts(p), (list) => list.length === 1)
    expect(first).toMatchObject({ v: 1, id: await cookieId(p), method: 'accept-all', categories: { essential: true, analytics: true } })
    expect(first.url).toBe(p.url)
    expect(first.hash).toMatch(/^[0-9a-f]{8}$/)
    expect(JSON.stringify(first)).not.toMatch(/Mozilla|127\.0\.0\.1|email/)

    await p.page.getByRole('link', { name: 'Cookie Settings' }).click()
    await dialog(p).getByRole('switch', { name: 'Analytics' }).uncheck()
    await dialog(p).getByRole('button', { name: 'Save choices' }).click()
    let list = await waitFor(async () => receipts(p), (l) => l.length === 2)
    expect(list[1]).toMatchObject({ id: first.id, method: 'custom', categories: { analytics: false }, given: first.given, hash: first.hash })
    p.assertClean()
  })

  test('a Global Privacy Control refusal and a page view with a stored choice send none', async () => {
    let p = await page(`Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true })`)
    // Nothing is in flight any more (500 ms without a request), so a receipt would have arrived.
    await p.page.waitForLoadState('networkidle')
    expect(receipts(p)).toEqual([])
    let q = await page()
    await q.page.getByRole('button', { name: 'Reject all' }).click()
    await waitFor(async () => receipts(q), (l) => l.length === 1)
    let files: string[] = []
    q.page.on('request', (request) => {
      if (partUrl('receipts').test(request.url())) files.push(request.url())
    })
    await q.reload()
    await q.page.waitForLoadState('networkidle')
    expect(receipts(q)).toHaveLength(1)
    // Nor does it fetch the code that sends receipts (cookiegate-receipts-<version>.js).
    expect(files).toEqual([])
    q.assertClean()
  })

  test('a withdrawal that reloads the page (reloadOnWithdraw) still sends its receipt, though the receipts file is slow', async () => {
    let config = { receipts: { url: `${harness().analytics}/receipts` }, reloadOnWithdraw: true }
    let p = await harness().page(
      html(`<script type="text/plain" data-category="analytics" src="${harness().analytics}/analytics.js"></script>` + FOOTER, {
        head: `<script type="application/json" id="cookiegate-config">${JSON.stringify(config)}</script>`
      }),
      { path: `/shop-${Math.random().toString(36).slice(2)}.html` }
    )
    await p.page.getByRole('button', { name: 'Accept all' }).click()
    await waitFor(async () => receipts(p), (list) => list.length === 1)
    // A returning view: the analytics tag runs, and nothing has fetched the receipts file yet.
    await p.reload()
    await p.page.waitForFunction(() => (window as any).__analyticsRuns === 1)
    await p.page.route(partUrl('receipts'), async (route) => {
      await sleep(500)
      await route.continue()
    })
    // Page code withdraws (no banner or preferences showed to start the file's download early).
    await Promise.all([p.page.waitForEvent('load'), p.page.evaluate(() => (window as any).Cookiegate.rejectAll())])
    await p.ready()
    expect(await p.page.evaluate(() => (window as any).__analyticsRuns)).toBeUndefined()
    let list = await waitFor(async () => receipts(p), (l) => l.length === 2)
    expect(list.map((r) => r.method)).toEqual(['accept-all', 'reject-all'])
    expect(list[1].id).toBe(list[0].id)
    p.assertClean()
  })

  test('an unreachable receipts endpoint does not affect the page', async () => {
    let attempts: string[] = []
    let failed: string[] = []
    let p = await harness().page(
      html('', { head: `<script type="application/json" id="cookiegate-config">{"receipts":{"url":"http://nowhere.invalid/receipts"}}</script>` }),
      {
        setup: (page) => {
          page.on('request', (r) => r.url().startsWith('http://nowhere.invalid/') && attempts.push(r.method()))
          page.on('requestfailed', (r) => r.url().startsWith('http://nowhere.invalid/') && failed.push(r.url()))
        }
      }
    )
    await p.page.getByRole('button', { name: 'Accept all' }).click()
    // The receipt was really sent, and really failed: the page went on regardless.
    expect(await waitFor(() => failed, (list) => list.length > 0)).toEqual(['http://nowhere.invalid/receipts'])
    expect(attempts).toEqual(['POST'])
    expect(await p.page.evaluate(() => (window as any).Cookiegate.allowed('analytics'))).toBe(true)
    expect(await p.page.getByRole('region').count()).toBe(0)
    expect(p.pageErrors).toEqual([])
  })
})
