/** The UI file is fetched only when there is something to show. */
import { beforeEach, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { FOOTER, html, partPath, partUrl, requestPriorities, sleep, useHarness, waitFor, type Harness } from './harness'

const harness = useHarness()
let h: Harness
beforeEach(() => {
  h = harness()
})

/** Logs the URL of every request for the UI file (or for the files `pattern` matches). */
const uiRequests = (page: Page, log: string[], pattern = partUrl('ui')) =>
  page.on('request', (request) => {
    if (pattern.test(request.url())) log.push(request.url())
  })

describe('lazy UI (Chromium)', () => {
  test('a first visit loads the UI file and shows the banner', async () => {
    let log: string[] = []
    let p = await h.page(html(FOOTER), { setup: (page) => uiRequests(page, log) })
    await p.page.getByRole('region', { name: 'Cookies on this site' }).waitFor({ state: 'visible' })
    expect(log).toHaveLength(1)
    // Named with the version (src/files.ts): a cached file of another release is never used.
    expect(new URL(log[0]!).pathname).toMatch(/^\/cookiegate-ui-\d+\.\d+\.\d+\.js$/)
    p.assertClean()
  })

  test('a returning visitor does not request the UI file until the settings link is used', async () => {
    let first = await h.page(html(FOOTER))
    await first.page.getByRole('button', { name: 'Reject all' }).click()
    let log: string[] = []
    uiRequests(first.page, log)
    await first.reload()
    await first.page.waitForLoadState('networkidle')
    expect(log).toEqual([])
    await first.page.getByRole('link', { name: 'Cookie Settings' }).click()
    await first.page.getByRole('dialog', { name: 'Cookie settings' }).waitFor({ state: 'visible' })
    expect(log).toHaveLength(1)
    first.assertClean()
  })

  test('a first visit starts downloading the UI as soon as the script runs, before the page has finished parsing', async () => {
    // A classic script without `defer` waits for the DOM before it sets up, and the page then keeps
    // the parser busy for 300 ms: the UI download must not wait for either.
    let busy = '<script>for (let end = performance.now() + 300; performance.now() < end;);</script>'
    let p = await h.page(html(FOOTER, { script: '<script src="/cookiegate.js"></script>' + busy }))
    await p.page.getByRole('region', { name: 'Cookies on this site' }).waitFor({ state: 'visible' })
    let { uiStart, parsed } = await p.page.evaluate((ui) => ({
      uiStart: performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === ui)!.startTime,
      parsed: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domInteractive
    }), partPath('ui'))
    expect(uiStart).toBeLessThan(parsed)
    p.assertClean()
  })

  test('a first visit fetches the UI file once, at low priority: Lighthouse counts a High-priority script that arrives before the first paint into FCP', async () => {
    let priorities: string[] = []
    let p = await h.page(html(FOOTER), {
      setup: async (page) => {
        priorities = await requestPriorities(page, partUrl('ui'))
      }
    })
    await p.page.getByRole('region', { name: 'Cookies on this site' }).waitFor({ state: 'visible' })
    expect(priorities).toEqual(['Low'])
    p.assertClean()
  })

  test('Global Privacy Control: no banner to show, so the UI file is not requested', async () => {
    let log: string[] = []
    let init = `Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true })`
    let p = await h.page(html(FOOTER), { init, setup: (page) => uiRequests(page, log) })
    await p.page.waitForLoadState('networkidle')
    expect(await p.page.evaluate(() => (window as any).Cookiegate.consent.get().method)).toBe('gpc')
    expect(log).toEqual([])
    p.assertClean()
  })

  test('the banner shows without the preferences file; Customise fetches it once, and the UI only once', async () => {
    let log: string[] = []
    let p = await h.page(html(FOOTER), { setup: (page) => uiRequests(page, log, /cookiegate-(ui|preferences)-/) })
    let paths = () => log.map((url) => new URL(url).pathname)
    let region = p.page.getByRole('region', { name: 'Cookies on this site' })
    await region.waitFor({ state: 'visible' })
    await p.page.waitForLoadState('networkidle')
    expect(paths()).toEqual([partPath('ui')])
    await region.getByRole('button', { name: 'Customise' }).click()
    let dialog = p.page.getByRole('dialog', { name: 'Cookie settings' })
    await dialog.waitFor({ state: 'visible' })
    // Styled by its own sheet: the modal is a centred card, not the browser's default dialog.
    expect(await dialog.evaluate((el) => getComputedStyle(el).borderRadius)).not.toBe('0px')
    expect(paths()).toEqual([partPath('ui'), partPath('preferences')])
    await dialog.getByRole('switch', { name: 'Analytics' }).check()
    await dialog.getByRole('button', { name: 'Save choices' }).click()
    expect(await p.page.evaluate(() => (window as any).Cookiegate.allowed('analytics'))).toBe(true)
    p.assertClean()
  })

  test('pointing at Customise starts the preferences download before the click', async () => {
    let p = await h.page(html(FOOTER))
    let customise = p.page.getByRole('button', { name: 'Customise' })
    await customise.waitFor({ state: 'visible' })
    let request = p.page.waitForRequest(partUrl('preferences'))
    await customise.hover()
    await request
    await customise.click()
    await p.page.getByRole('dialog', { name: 'Cookie settings' }).waitFor({ state: 'visible' })
    p.assertClean()
  })

  test('when the preferences file cannot load, the banner stays usable and the error is named', async () => {
    let p = await h.page(html(FOOTER), { setup: (page) => page.route(partUrl('preferences'), (route) => route.abort()) })
    let region = p.page.getByRole('region', { name: 'Cookies on this site' })
    await region.getByRole('button', { name: 'Customise' }).click()
    // Chromium's own "Failed to load resource" line may come first: wait for ours.
    await waitFor(() => p.consoleErrors, (errors) => errors.some((e) => /could not load the preferences/.test(e)))
    expect(p.consoleErrors.join('\n')).toMatch(/could not load the preferences/)
    expect(await p.page.getByRole('dialog').count()).toBe(0)
    expect(await p.page.evaluate(() => (window as any).Cookiegate.view.get())).toBe('banner')
    await region.getByRole('button', { name: 'Reject all' }).click()
    expect(await p.page.evaluate(() => (window as any).Cookiegate.consent.get().method)).toBe('reject-all')
    expect(p.pageErrors).toEqual([])
  })

  test('a returning visitor\'s Cookie Settings click fetches the UI and the preferences side by side, once each', async () => {
    let first = await h.page(html(FOOTER))
    await first.page.getByRole('button', { name: 'Reject all' }).click()
    // A slow UI file (300 ms), as on a real network: the preferences must not wait for it.
    await first.page.route(partUrl('ui'), async (route) => {
      await sleep(300)
      await route.continue()
    })
    await first.reload()
    await first.page.getByRole('link', { name: 'Cookie Settings' }).click()
    await first.page.getByRole('dialog', { name: 'Cookie settings' }).waitFor({ state: 'visible' })
    let entries = await first.page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /cookiegate-(ui|preferences)/.test(e.name))
        .map((e) => ({ name: new URL(e.name).pathname, start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd }))
    )
    let ui = entries.filter((e) => e.name === partPath('ui'))
    let prefs = entries.filter((e) => e.name === partPath('preferences'))
    expect(ui).toHaveLength(1)
    expect(prefs).toHaveLength(1)
    // Requested before the UI had even arrived, not by it afterwards.
    expect(prefs[0]!.start).toBeLessThan(ui[0]!.end)
    first.assertClean()
  })
})
