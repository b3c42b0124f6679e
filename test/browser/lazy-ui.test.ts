/** The UI file is fetched only when there is something to show. */
import { beforeEach, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { html, useHarness, type Harness } from './harness'

const harness = useHarness()
let h: Harness
beforeEach(() => {
  h = harness()
})

const FOOTER = '<footer><a href="#" data-cookie-settings>Cookie Settings</a></footer>'
const uiRequests = (page: Page, log: string[]) =>
  page.on('request', (request) => {
    if (request.url().includes('cookiegate-ui.js')) log.push(request.url())
  })

describe('lazy UI (Chromium)', () => {
  test('a first visit loads the UI file and shows the banner', async () => {
    let log: string[] = []
    let p = await h.page(html(FOOTER), { setup: (page) => uiRequests(page, log) })
    await p.page.getByRole('region', { name: 'Cookies on this site' }).waitFor({ state: 'visible' })
    expect(log).toHaveLength(1)
    expect(log[0]).toMatch(/\/cookiegate-ui\.js\?v=\d+\.\d+\.\d+/)
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
})
