/**
 * examples/server/server.mjs in Chromium: the server reads consent (cookiegate/server) and renders
 * the analytics tag as a normal script for a visitor who allowed it, gated otherwise; withdrawal
 * in the browser still works (reloadOnWithdraw); the first visit preloads the banner's file,
 * which the loader then uses instead of fetching it again.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchChromium, partUrl, requestPriorities, waitFor } from './harness'

let child: ChildProcess
let base: string
let browser: Browser

beforeAll(async () => {
  child = spawn(process.execPath, ['examples/server/server.mjs'], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] })
  base = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk) => {
      out += chunk
      let match = out.match(/listening on (http:\/\/\S+?)\/?\n/)
      if (match) resolve(match[1]!)
    })
    child.once('exit', (code) => reject(new Error(`examples/server/server.mjs exited (${code}): is dist/ built?`)))
  })
  browser = await launchChromium()
}, 60000)

afterAll(async () => {
  await browser?.close()
  child?.kill()
})

/** A page that records every request it makes and every console message. */
async function open(context: Awaited<ReturnType<Browser['newContext']>>) {
  let page = await context.newPage()
  let requests: string[] = []
  let console_: string[] = []
  page.on('request', (request) => requests.push(new URL(request.url()).pathname))
  page.on('console', (message) => console_.push(`${message.type()}: ${message.text()}`))
  page.on('pageerror', (error) => console_.push(`pageerror: ${error.message}`))
  return { page, requests, console: console_ }
}
const runs = (page: Page) => page.evaluate(() => (window as { __analyticsRuns?: number }).__analyticsRuns ?? 0)
const html = (page: Page) => page.evaluate(() => document.documentElement.outerHTML)

describe('server-rendered gating (examples/server)', () => {
  test('a returning visitor gets a normal analytics script; withdrawal reloads and gates it again', async () => {
    let context = await browser.newContext()
    let first = await open(context)
    // At low priority, as the loader's own preload: a High-priority script that ends before the
    // first paint is counted into Lighthouse's First Contentful Paint.
    let priorities = await requestPriorities(first.page, partUrl('ui'))
    await first.page.goto(base + '/')
    // First visit: gated tag, the banner's file preloaded with the HTML.
    expect(await first.page.locator('script[type="text/plain"][data-category="analytics"]').count()).toBe(1)
    expect(await first.page.locator('link[rel="modulepreload"]').getAttribute('href')).toMatch(/^\/cookiegate\/cookiegate-ui-[\d.]+\.js$/)
    await first.page.getByRole('region', { name: 'Cookies on this site' }).waitFor({ state: 'visible' })
    expect(priorities).toEqual(['Low'])
    await first.page.getByRole('button', { name: 'Accept all' }).click()
    await waitFor(() => runs(first.page), (n) => n === 1)
    // The loader imported the preloaded file: one request for it, no "preload not used" warning.
    expect(first.requests.filter((p) => /\/cookiegate-ui-[\d.]+\.js$/.test(p))).toHaveLength(1)
    expect(first.console.filter((m) => /preload/i.test(m))).toEqual([])
    await first.page.close()

    let back = await open(context)
    await back.page.goto(base + '/')
    let markup = await html(back.page)
    // Rendered as a normal script, and no preload: the banner will not show.
    expect(markup).toContain('<script src="/analytics.js" data-category="analytics"></script>')
    expect(markup).not.toContain('modulepreload')
    expect(await runs(back.page)).toBe(1)
    // It ran from the HTML parser, before cookiegate.js (deferred) initialised.
    expect(await back.page.evaluate(() => (window as { __analyticsStart?: number }).__analyticsStart! < performance.getEntriesByType('navigation')[0]!.toJSON().domContentLoadedEventStart)).toBe(true)
    await back.page.waitForFunction(() => !!(window as { Cookiegate?: unknown }).Cookiegate)
    expect(back.requests.filter((p) => p.includes('cookiegate-ui'))).toEqual([])

    // Withdrawal: the running script cannot be unloaded, so the page reloads and the server gates it.
    await back.page.getByRole('link', { name: 'Cookie Settings' }).click()
    let dialog = back.page.getByRole('dialog', { name: 'Cookie settings' })
    await dialog.getByRole('switch', { name: 'Analytics' }).uncheck()
    await Promise.all([back.page.waitForEvent('load'), dialog.getByRole('button', { name: 'Save choices' }).click()])
    await back.page.waitForFunction(() => !!(window as { Cookiegate?: unknown }).Cookiegate)
    expect(await back.page.locator('script[type="text/plain"][data-category="analytics"]').count()).toBe(1)
    expect(await runs(back.page)).toBe(0)
    expect((await context.cookies()).map((c) => c.name)).not.toContain('_example_analytics')
    expect(await html(back.page)).not.toContain('modulepreload')
    expect(back.console.filter((m) => /^(error|pageerror)/.test(m))).toEqual([])

    // Both choices reached the example's receipt handler.
    let receipts = await (await fetch(base + '/receipts.json')).json()
    expect(receipts.map((r: { receipt: { method: string } }) => r.receipt.method).slice(-2)).toEqual(['accept-all', 'custom'])
    await context.close()
  })

  test('a visitor who refused gets the gated tag and no preload', async () => {
    let context = await browser.newContext()
    let p = await open(context)
    await p.page.goto(base + '/')
    await p.page.getByRole('button', { name: 'Reject all' }).click()
    await p.page.reload()
    await p.page.waitForFunction(() => !!(window as { Cookiegate?: unknown }).Cookiegate)
    let markup = await html(p.page)
    expect(markup).toContain('<script type="text/plain" data-category="analytics" src="/analytics.js"></script>')
    expect(markup).not.toContain('modulepreload')
    expect(await runs(p.page)).toBe(0)
    await context.close()
  })
})
