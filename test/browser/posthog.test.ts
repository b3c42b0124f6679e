/**
 * PostHog through the script tag, with the real posthog-js (`dist/array.js` from npm) served by
 * the loopback analytics host, which also records what reaches its capture endpoint.
 */
import { describe, expect, test } from 'vitest'
import { banner, dialog, FOOTER, html, REGULAR_CHROME, settled, sleep, storedChoice, useHarness, waitFor, type TestPage } from './harness'

const harness = useHarness()

const TOKEN = 'phc_cookiegate_test'
const page = () => {
  let config = {
    categories: { essential: { required: true }, analytics: {} },
    integrations: {
      posthog: {
        token: TOKEN,
        apiHost: harness().analytics,
        // Flush quickly so the test need not wait for PostHog's 3 s batches.
        options: { request_batching: false, disable_session_recording: true, disable_surveys: true, advanced_disable_flags: true }
      }
    }
  }
  return harness().page(html(FOOTER, { head: `<script type="application/json" id="cookiegate-config">${JSON.stringify(config)}</script>` }), REGULAR_CHROME)
}

/** Every PostHog trace in the browser: `ph_*` cookies on any domain, `ph_*`/`__ph_*` storage keys. */
async function traces(p: TestPage) {
  let cookies = (await p.context.cookies()).filter((c) => /^(ph_|__ph)/.test(c.name)).map((c) => `${c.name}@${c.domain}`)
  let storage = await p.page.evaluate(() =>
    [localStorage, sessionStorage].flatMap((s) => Object.keys(s)).filter((k) => /^(ph_|__ph)/.test(k))
  )
  return [...cookies, ...storage]
}
const since = (t: number) => harness().posthogEvents.filter((e) => e.received >= t)
const capture = (p: TestPage, name: string) =>
  p.page.evaluate((n) => {
    try {
      ;(window as any).posthog?.capture?.(n)
    } catch {}
  }, name)

describe('PostHog (script tag, real posthog-js)', () => {
  test('before a choice nothing reaches PostHog and nothing of it is stored', async () => {
    let start = Date.now()
    let p = await page()
    await banner(p).waitFor({ state: 'visible' })
    await settled(p)
    expect(p.requests()).toEqual([])
    expect(since(start)).toEqual([])
    expect(await traces(p)).toEqual([])
    expect(await p.page.evaluate(() => 'posthog' in window)).toBe(false)
    p.assertClean()
  })

  test('after Reject all nothing reaches PostHog, on this page or the next', async () => {
    let start = Date.now()
    let p = await page()
    await banner(p).getByRole('button', { name: 'Reject all' }).click()
    await waitFor(() => storedChoice(p), (stored) => !!stored)
    await p.reload()
    await settled(p)
    expect(p.requests()).toEqual([])
    expect(since(start)).toEqual([])
    expect(await traces(p)).toEqual([])
    p.assertClean()
  })

  test('after Accept all PostHog loads from the api host and its events arrive', async () => {
    let start = Date.now()
    let p = await page()
    await banner(p).getByRole('button', { name: 'Accept all' }).click()
    await waitFor(() => since(start).map((e) => e.event), (names) => names.includes('$pageview'), 10000)
    await capture(p, 'clicked_buy')
    let names = await waitFor(() => since(start).map((e) => e.event), (list) => list.includes('clicked_buy'), 10000)
    expect(names).toContain('$pageview')
    expect(names).toContain('clicked_buy')
    expect(p.requests('/static/array.js')).toHaveLength(1)
    // PostHog now persists for real: its cookie on the parent domain.
    expect(await waitFor(() => traces(p), (t) => t.length > 0)).toContain(`ph_${TOKEN}_posthog@.shop.test`)
    // A returning visitor who said yes is counted again without a banner.
    let before = Date.now()
    await p.reload()
    expect(await waitFor(() => since(before).map((e) => e.event), (list) => list.includes('$pageview'), 10000)).toContain('$pageview')
    p.assertClean()
  })

  test('withdrawal from the footer link stops capturing and PostHog does not write its cookie back', async () => {
    let start = Date.now()
    let p = await page()
    await banner(p).getByRole('button', { name: 'Accept all' }).click()
    await waitFor(() => since(start).map((e) => e.event), (names) => names.includes('$pageview'), 10000)
    expect((await traces(p)).length).toBeGreaterThan(0)

    await p.page.getByRole('link', { name: 'Cookie Settings' }).click()
    await dialog(p).getByRole('switch', { name: 'Analytics' }).uncheck()
    let withdrawn = await p.page.evaluate(() => Date.now())
    await dialog(p).getByRole('button', { name: 'Save choices' }).click()
    await dialog(p).waitFor({ state: 'detached' })

    // PostHog keeps running on this page: it must stay quiet and write nothing.
    await capture(p, 'after_withdrawal')
    await p.page.mouse.click(10, 10)
    await p.page.evaluate(() => window.dispatchEvent(new Event('pagehide')))
    // posthog-js sends what it batched within about 3 s; when the right outcome is no event, there
    // is nothing to wait for but that time.
    await sleep(4000)
    expect(since(start).filter((e) => e.timestamp >= withdrawn).map((e) => e.event)).toEqual([])
    expect(await traces(p)).toEqual([])

    let before = Date.now()
    await p.reload()
    await settled(p)
    expect(p.requests().filter((r) => r.time >= before)).toEqual([])
    expect(await traces(p)).toEqual([])
    p.assertClean()
  })
})
