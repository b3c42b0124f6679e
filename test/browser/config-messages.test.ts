/**
 * The script tag words a bad config's problems with cookiegate-messages-<version>.js, fetched only
 * then; the decision (Cookiegate is off) is taken before, and holds when that file cannot load.
 */
import type { Page } from 'playwright-core'
import { beforeEach, describe, expect, test } from 'vitest'
import { resolveConfig } from '../../src/core/config'
import { banner, FOOTER, html, partPath, partUrl, settled, useHarness, waitFor, type Harness, type TestPage } from './harness'

const harness = useHarness()
let h: Harness
beforeEach(() => {
  h = harness()
})

const OFF = '\nCookiegate is off: no banner, and no optional category is allowed.'
const BAD = { categories: { essential: { required: true }, analytics: { cookeis: [] } }, expiresDays: 0, policyUrl: 'javascript:alert(1)' }

/** The page: the config in its element, a gated external and a gated inline script. */
const page = (config: unknown) =>
  html(
    `<script type="text/plain" data-category="analytics" src="${h.analytics}/analytics.js"></script>` +
      '<script type="text/plain" data-category="analytics">window.__inlineRuns = 1</script>' +
      FOOTER,
    { head: `<script type="application/json" id="cookiegate-config">${JSON.stringify(config)}</script>` }
  )

/** Logs the path of every request to the site for a file `pattern` matches. */
const requested = (p: Page, pattern: RegExp, log: string[]) =>
  p.on('request', (request) => {
    if (pattern.test(request.url())) log.push(new URL(request.url()).pathname)
  })

const configErrors = (p: TestPage) => p.consoleErrors.filter((e) => e.includes('Invalid Cookiegate config'))

/** Nothing optional ran, nothing was asked, nothing was stored, even after page code tries to accept. */
async function assertOff(p: TestPage) {
  await p.page.evaluate(() => {
    let cg = (window as any).Cookiegate
    cg.acceptAll()
    cg.save({ analytics: true })
  })
  await settled(p)
  expect(await banner(p).count()).toBe(0)
  expect(await p.page.evaluate(() => (window as any).Cookiegate.allowed('analytics'))).toBe(false)
  expect(await p.page.evaluate(() => [(window as any).__analyticsRuns, (window as any).__inlineRuns])).toEqual([undefined, undefined])
  expect(p.requests()).toEqual([])
  expect(await p.page.evaluate(() => document.cookie)).toBe('')
  expect(p.pageErrors).toEqual([])
}

describe('config messages (Chromium)', () => {
  test('an invalid config prints, once its messages file has loaded, the very words CookiegateConfigError has', async () => {
    let expected = ''
    try {
      resolveConfig(BAD)
    } catch (error) {
      expected = (error as Error).message + OFF
    }
    expect(expected).toContain('policyUrl: "javascript:alert(1)" must be an http(s) or relative URL')
    let log: string[] = []
    let p = await h.page(page(BAD), { setup: (pg) => requested(pg, partUrl('messages'), log) })
    await waitFor(() => p.consoleErrors, (errors) => errors.length > 0)
    expect(p.consoleErrors).toEqual([expected])
    expect(log).toEqual([partPath('messages')])
    await assertOff(p)
    expect(p.consoleErrors).toHaveLength(1)
  })

  test('a valid config never fetches the messages file', async () => {
    let log: string[] = []
    let p = await h.page(page({ categories: { essential: { required: true }, analytics: {} } }), { setup: (pg) => requested(pg, partUrl('messages'), log) })
    await banner(p).waitFor({ state: 'visible' })
    await settled(p)
    expect(log).toEqual([])
    p.assertClean()
  })

  test('when the messages file is missing (404), the error still names every bad field, the file, and that Cookiegate is off', async () => {
    let p = await h.page(page(BAD), {
      init: `addEventListener('unhandledrejection', (e) => (window.__rejections ||= []).push(String(e.reason)))`,
      setup: (pg) => pg.route(partUrl('messages'), (route) => route.fulfill({ status: 404, body: 'not found' }))
    })
    await waitFor(() => configErrors(p), (errors) => errors.length > 0)
    expect(configErrors(p)).toHaveLength(1)
    let message = configErrors(p)[0]!
    expect(message).toMatch(/^Invalid Cookiegate config:\n- policyUrl\n- categories\.analytics\.cookeis\n- expiresDays\n/)
    expect(message).toContain(`Cookiegate: could not load ${partPath('messages').slice(1)}`)
    expect(message.endsWith(OFF)).toBe(true)
    await assertOff(p)
    expect(await p.page.evaluate(() => (window as any).__rejections)).toBeUndefined()
  })
})
