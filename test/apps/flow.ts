/**
 * What every example app must do for its visitor, checked in Chromium against the app's own
 * production build: the banner, Accept all re-rendering the app's component and importing the
 * analytics code once, the choice kept over a reload, the footer button opening the preferences,
 * and withdrawal. The tests run in order on one browser context, as one visitor would.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test as vitestTest } from 'vitest'
import { launchChromium } from '../browser/harness'
import type { AppServer } from './apps'

/** What examples/<app>/…/analytics.js logs when it runs. */
const LOADED = 'example analytics loaded'

export interface Visit {
  page: Page
  context: BrowserContext
  url: string
}

/** `test`, failing with the start-up error when the app could not be built or served. */
export type AppTest = (name: string, fn: () => Promise<void> | void) => void

/**
 * Defines the consent-flow tests for an app that `start()` builds and serves. `extra` adds
 * app-specific tests, run after the shared ones on the same visitor.
 */

export function consentFlow(start: () => Promise<AppServer>, extra?: (test: AppTest, visit: () => Visit) => void) {
  let server: AppServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let errors: string[] = []
  /** URLs of the scripts that contained the analytics module, in order of arrival. */
  let analyticsFetches: string[] = []
  /** How often the analytics module ran on the current page load. */
  let analyticsRuns = 0

  /** Why the app could not be installed, built or served: then every test fails with it. */
  let startError: unknown

  beforeAll(async () => {
    try {
      server = await start()
    } catch (error) {
      startError = error
      return
    }
    browser = await launchChromium()
    context = await browser.newContext()
    page = await context.newPage()
    page.on('pageerror', (error) => errors.push(String(error.stack || error)))
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
      if (message.text() === LOADED) analyticsRuns++
    })
    // A navigation commits before the new document runs any script.
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) analyticsRuns = 0
    })
    page.on('response', async (response) => {
      if (!/\.m?js(\?|$)/.test(response.url())) return
      let body = await response.text().catch(() => '')
      if (body.includes(LOADED)) analyticsFetches.push(response.url())
    })
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  // A failed beforeAll would only mark these skipped; the summary line must count them failed.
  let test = (name: string, fn: () => Promise<void> | void) =>
    vitestTest(name, async () => {
      if (startError) throw startError
      await fn()
    })

  // Waits for a value (a re-render, a cookie change) on a machine that may be busy building.
  let poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10000 })

  let banner = () => page.getByRole('region', { name: 'Cookies on this site' })
  let dialog = () => page.getByRole('dialog', { name: 'Cookie settings' })
  let status = () => page.locator('#analytics-state')
  let gaCookie = async () => (await context.cookies()).find((c) => c.name === '_ga')
  let settle = () => page.waitForTimeout(500)

  test('shows the banner, and nothing of analytics runs before a choice', async () => {
    await page.goto(server.url + '/', { waitUntil: 'load' })
    await banner().waitFor({ state: 'visible' })
    await poll(() => status().textContent()).toBe('Analytics: not decided')
    await settle()
    expect(analyticsFetches).toEqual([])
    expect(analyticsRuns).toBe(0)
    expect(await gaCookie()).toBeUndefined()
  })

  test('Accept all re-renders the component and imports the analytics code exactly once', async () => {
    await banner().getByRole('button', { name: 'Accept all' }).click()
    await poll(() => status().textContent()).toBe('Analytics: on')
    await poll(() => analyticsRuns).toBe(1)
    await settle()
    expect(analyticsRuns).toBe(1)
    expect(analyticsFetches).toHaveLength(1)
    expect(await gaCookie()).toBeDefined()
    expect(await banner().count()).toBe(0)
  })

  test('a reload keeps the choice: no banner, analytics imported once at start', async () => {
    await page.reload({ waitUntil: 'load' })
    await poll(() => status().textContent()).toBe('Analytics: on')
    await poll(() => analyticsRuns).toBe(1)
    await settle()
    expect(await banner().count()).toBe(0)
    expect(analyticsRuns).toBe(1)
  })

  test('the footer button opens the preferences, showing analytics on', async () => {
    await page.getByRole('button', { name: 'Cookie settings' }).click()
    await dialog().waitFor({ state: 'visible' })
    expect(await dialog().getByRole('switch', { name: 'Analytics' }).isChecked()).toBe(true)
  })

  test('switching analytics off and saving withdraws it: the component shows off, _ga is erased', async () => {
    await dialog().getByRole('switch', { name: 'Analytics' }).uncheck()
    await dialog().getByRole('button', { name: 'Save choices' }).click()
    await dialog().waitFor({ state: 'detached' })
    await poll(() => status().textContent()).toBe('Analytics: off')
    await poll(gaCookie).toBeUndefined()
    let stored = (await context.cookies()).find((c) => c.name === 'cookiegate')
    expect(JSON.parse(decodeURIComponent(stored!.value))).toMatchObject({ categories: { analytics: false }, method: 'custom' })
    // Still off after a reload, and the analytics code is not imported again.
    await page.reload({ waitUntil: 'load' })
    await poll(() => status().textContent()).toBe('Analytics: off')
    await settle()
    expect(analyticsRuns).toBe(0)
    expect(await banner().count()).toBe(0)
  })

  extra?.(test, () => ({ page, context, url: server.url }))

  test('one Cookiegate host and one dialog, and no page error, console error or server error', async () => {
    await page.getByRole('button', { name: 'Cookie settings' }).click()
    await dialog().waitFor({ state: 'visible' })
    expect(await page.locator('#cookiegate').count()).toBe(1)
    expect(await page.getByRole('dialog').count()).toBe(1)
    await page.keyboard.press('Escape')
    await dialog().waitFor({ state: 'detached' })
    expect(errors).toEqual([])
    expect(server.log()).not.toMatch(/error/i)
  })
}
