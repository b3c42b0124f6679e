/**
 * Issue #6: nothing optional runs early and nothing breaks the host page, under the conditions
 * a real site meets. In every scenario the analytics host (a second loopback origin) gets no
 * request before consent, and the page has no uncaught error or unhandled rejection.
 * Scenarios already covered in consent-flow.test.ts (reject then reload, GPC, unknown config
 * key and bad JSON, SPA routes, the script included twice) are not repeated here.
 */
import { beforeEach, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { banner, dialog, FOOTER, html, partUrl, settled, useHarness, waitFor, type Harness, type TestPage } from './harness'

// Playwright turns the back/forward cache off by default; scenario 10 needs it.
const harness = useHarness({ ignoreDefaultArgs: ['--disable-back-forward-cache'] })
let h: Harness
beforeEach(() => {
  h = harness()
})

/** Records unhandled rejections and CSP violations from the first moment of every document. */
const TRAP = `(() => {
  let trap = { rejections: [], csp: [] }
  window[Symbol.for('trap')] = trap
  addEventListener('unhandledrejection', (e) => trap.rejections.push(String(e.reason && e.reason.stack || e.reason)))
  document.addEventListener('securitypolicyviolation', (e) => trap.csp.push(e.violatedDirective + ' ' + e.blockedURI))
})()`

const gatedScript = (query = '') =>
  `<script type="text/plain" data-category="analytics" src="${h.analytics}/analytics.js${query}"></script>`
const gatedInline = (flag: string, extra = '') =>
  `<script type="text/plain" data-category="analytics"${extra}>window.${flag} = (window.${flag} || 0) + 1</script>`
const configElement = (json: string) => `<script type="application/json" id="cookiegate-config">${json}</script>`

const flag = (page: Page, name: string) => page.evaluate((n) => (window as any)[n], name)
const trap = (page: Page) => page.evaluate(() => (window as any)[Symbol.for('trap')] as { rejections: string[]; csp: string[] })

/** No uncaught error, console error or unhandled rejection on the page. */
async function assertNothingThrown(p: TestPage) {
  p.assertClean()
  expect((await trap(p.page)).rejections).toEqual([])
}

/** A stored choice as Cookiegate writes it (URI-encoded JSON), `days` old. */
function choiceCookie(h: Harness, value: object, name = 'cookiegate') {
  return { name, value: encodeURIComponent(JSON.stringify(value)), url: h.base + '/' }
}
const daysAgo = (days: number) => new Date(Date.now() - days * 864e5).toISOString()
const choice = (analytics: boolean, overrides: object = {}) => ({
  v: 1,
  revision: 0,
  id: '3f1c2b4a-1d2e-4f3a-8b9c-0d1e2f3a4b5c',
  given: daysAgo(1),
  updated: daysAgo(1),
  categories: { essential: true, analytics },
  method: analytics ? 'accept-all' : 'reject-all',
  ...overrides
})

describe('scenario matrix (Chromium)', () => {
  test('1. a first visit left alone for 2 s makes no request and runs no gated tag', async () => {
    let p = await h.page(
      html(
        gatedScript() +
          gatedInline('__inline') +
          gatedInline('__module', ' data-type="module"') +
          `<img alt="" data-category="analytics" data-src="${h.analytics}/pixel.gif">
           <iframe title="embed" data-category="analytics" data-src="${h.analytics}/frame.html"></iframe>` +
          FOOTER
      ),
      { init: TRAP }
    )
    await banner(p.page).waitFor({ state: 'visible' })
    await settled(p)
    expect(p.requests()).toEqual([])
    expect([await flag(p.page, '__analyticsRuns'), await flag(p.page, '__inline'), await flag(p.page, '__module')]).toEqual([undefined, undefined, undefined])
    expect((await p.context.cookies()).map((c) => c.name)).toEqual([])
    await assertNothingThrown(p)
  })

  test('4. a tampered cookie (bad JSON, wrong types, unknown categories, huge, __proto__) means undecided', async () => {
    let p = await h.page(html(gatedScript() + FOOTER), { init: TRAP })
    // A well-formed accept-all padded to the 4096 bytes a browser keeps for a cookie.
    let huge = encodeURIComponent(JSON.stringify(choice(true)).slice(0, -1) + ',"pad":"')
    huge += 'x'.repeat(4096 - 'cookiegate'.length - huge.length - 6) + encodeURIComponent('"}')
    let values = [
      '%7Bnot json',
      'null',
      encodeURIComponent(JSON.stringify(choice(true, { categories: { essential: true, analytics: 'yes' } }))),
      encodeURIComponent(JSON.stringify(choice(true, { id: 42, revision: '0' }))),
      encodeURIComponent(JSON.stringify(choice(true, { method: 'accept-all', categories: { essential: true, analytics: false } }))),
      encodeURIComponent(JSON.stringify(choice(true, { categories: { essential: true, ads: true, marketing: true } }))),
      encodeURIComponent(JSON.stringify(choice(true, { categories: JSON.parse('{"__proto__":{"analytics":true}}') }))),
      huge
    ]
    for (let value of values) {
      await p.context.addCookies([{ name: 'cookiegate', value, url: h.base + '/' }])
      await p.reload()
      await banner(p.page).waitFor({ state: 'visible' })
      let state = await p.page.evaluate(() => (window as any).Cookiegate.consent.get())
      expect(state.decided, value.slice(0, 80)).toBe(false)
      expect(await p.page.evaluate(() => (window as any).Cookiegate.allowed('analytics') || ({} as any).analytics)).toBeFalsy()
    }
    await settled(p)
    expect(p.requests()).toEqual([])
    expect(await flag(p.page, '__analyticsRuns')).toBeUndefined()
    await assertNothingThrown(p)
  })

  test('5. a choice made under an older revision asks again and deletes leftovers', async () => {
    let p = await h.page(html(gatedScript() + FOOTER, { head: configElement('{ "revision": 2 }') }), {
      init: TRAP,
      setup: (page: Page) =>
        page.context().addCookies([
          choiceCookie(h, choice(true, { revision: 1 })),
          { name: '_ga', value: 'old', domain: '.shop.test', path: '/' }
        ])
    })
    await banner(p.page).waitFor({ state: 'visible' })
    await settled(p)
    expect(await p.page.evaluate(() => (window as any).Cookiegate.consent.get().decided)).toBe(false)
    expect((await p.context.cookies()).map((c) => c.name)).not.toContain('_ga')
    expect(p.requests()).toEqual([])
    await assertNothingThrown(p)
  })

  test('5b. an allowed tag never sees what a refused category left behind', async () => {
    let config = '{ "categories": { "essential": { "required": true }, "analytics": {}, "marketing": { "cookies": ["_fbp"] } } }'
    let seen = `<script type="text/plain" data-category="analytics">window.__sawLeftover = document.cookie.includes('_fbp=')</script>`
    let p = await h.page(html(seen + FOOTER, { head: configElement(config) }), {
      init: TRAP,
      setup: (page: Page) =>
        page.context().addCookies([
          choiceCookie(h, choice(true, { categories: { essential: true, analytics: true, marketing: false }, method: 'custom' })),
          { name: '_fbp', value: 'old', domain: '.shop.test', path: '/' }
        ])
    })
    await p.page.waitForFunction(() => (window as any).__sawLeftover !== undefined)
    expect(await flag(p.page, '__sawLeftover')).toBe(false)
    expect((await p.context.cookies()).map((c) => c.name)).not.toContain('_fbp')
    await assertNothingThrown(p)
  })

  test('6. an expired choice asks again and runs nothing', async () => {
    let p = await h.page(html(gatedScript() + FOOTER), {
      init: TRAP,
      // The browser still holds the cookie; its content is 200 days old (expiresDays is 182).
      setup: (page: Page) => page.context().addCookies([choiceCookie(h, choice(true, { given: daysAgo(200), updated: daysAgo(200) }))])
    })
    await banner(p.page).waitFor({ state: 'visible' })
    await settled(p)
    expect(await p.page.evaluate(() => (window as any).Cookiegate.allowed('analytics'))).toBe(false)
    expect(p.requests()).toEqual([])
    await assertNothingThrown(p)
  })

  test('7. a config of the wrong type, or with a javascript: link, fails closed with an error naming the field', async () => {
    let cases: [string, string][] = [
      [configElement('{ "revision": "2", "gpc": "no" }'), 'revision'],
      [configElement('["analytics"]'), 'expected an object'],
      ['<script>window.cookiegateConfig = "analytics"</script>', 'expected an object'],
      [configElement('{ "policyUrl": "javascript:alert(1)" }'), 'policyUrl']
    ]
    for (let [head, named] of cases) {
      let p = await h.page(html(gatedScript() + gatedInline('__inline') + FOOTER, { head }), { init: TRAP })
      await waitFor(() => p.consoleErrors, (errors) => errors.length > 0)
      expect(p.consoleErrors, head).toHaveLength(1)
      expect(p.consoleErrors[0]).toContain(named)
      await p.page.evaluate(() => (window as any).Cookiegate.acceptAll())
      await settled(p)
      expect(await p.page.locator('#cookiegate').count()).toBe(0)
      expect(await flag(p.page, '__inline')).toBeUndefined()
      expect(p.requests()).toEqual([])
      expect(p.pageErrors).toEqual([])
      expect((await trap(p.page)).rejections).toEqual([])
      await p.close()
    }
  })

  test('9. a choice made in one tab reaches the other within 1 s, withdrawal and reset included', async () => {
    // Each tab notes (wall clock, shared by both tabs) when it first hears of each change: the
    // 1 s is measured from tab A's change to tab B's, not including how long a click takes to
    // drive on a loaded machine.
    let STAMP = `document.addEventListener('cookiegate:change', () => (window.__changes ||= []).push(Date.now()))`
    let a = await h.page(html(gatedScript() + FOOTER), { init: TRAP + ';' + STAMP })
    let b = await a.context.newPage()
    let lag = async (n: number) => {
      let [at, bt] = await Promise.all([a.page, b].map((page) => page.evaluate((i) => (window as any).__changes?.[i], n)))
      return bt - at
    }
    let bErrors: string[] = []
    b.on('pageerror', (error) => bErrors.push(String(error)))
    await b.goto(a.url)
    await b.waitForFunction(() => !!(window as any).Cookiegate)
    await banner(b).waitFor({ state: 'visible' })
    expect(a.requests()).toEqual([])

    await banner(a.page).getByRole('button', { name: 'Accept all' }).click()
    await b.waitForFunction(() => (window as any).__analyticsRuns === 1, undefined, { timeout: 5000 })
    await banner(b).waitFor({ state: 'detached', timeout: 5000 })
    expect(await lag(0)).toBeLessThan(1000)

    // Withdrawal in A: B stops allowing analytics and deletes its own session storage of it.
    await b.evaluate(() => sessionStorage.setItem('ph_window_id', '1'))
    await a.page.evaluate(() => (window as any).Cookiegate.save({ analytics: false }))
    await b.waitForFunction(() => !(window as any).Cookiegate.allowed('analytics') && sessionStorage.getItem('ph_window_id') === null, undefined, { timeout: 5000 })
    expect(await lag(1)).toBeLessThan(1000)
    expect(await b.evaluate(() => (window as any).Cookiegate.consent.get().method)).toBe('custom')

    // Reset in A: B asks again.
    await a.page.evaluate(() => (window as any).Cookiegate.reset())
    await banner(b).waitFor({ state: 'visible', timeout: 5000 })
    expect(await lag(2)).toBeLessThan(1000)
    expect(a.requests('/analytics.js')).toHaveLength(2)
    expect(bErrors).toEqual([])
    expect((await trap(b)).rejections).toEqual([])
    await assertNothingThrown(a)
  })

  test('9b. a choice whose cookie reaches the store after the other tab heard of it is still taken up', async () => {
    // document.cookie writes reach Chromium's cookie store asynchronously, and the channel's
    // message can arrive first: here every write of the choice lands 150 ms late.
    let LATE = `(() => {
      let cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')
      Object.defineProperty(Document.prototype, 'cookie', {
        configurable: true,
        get() { return cookie.get.call(this) },
        set(value) { String(value).startsWith('cookiegate=') ? setTimeout(() => cookie.set.call(this, value), 150) : cookie.set.call(this, value) }
      })
    })()`
    let a = await h.page(html(gatedScript() + FOOTER), { init: TRAP + ';' + LATE })
    let b = await a.context.newPage()
    await b.goto(a.url)
    await banner(b).waitFor({ state: 'visible' })
    await banner(a.page).getByRole('button', { name: 'Accept all' }).click()
    await b.waitForFunction(() => (window as any).Cookiegate.allowed('analytics'), undefined, { timeout: 5000 })
    await banner(b).waitFor({ state: 'detached', timeout: 5000 })
    await assertNothingThrown(a)
  })

  test('10. a page restored from the back/forward cache re-reads a choice withdrawn meanwhile', async () => {
    let shows = `addEventListener('pageshow', (e) => ((window[Symbol.for('shows')] ||= []).push(e.persisted)))`
    // no-store would keep the page out of the back/forward cache.
    let p = await h.page(html(gatedScript() + FOOTER), { init: TRAP + ';' + shows, headers: { 'cache-control': 'no-cache' } })
    await banner(p.page).getByRole('button', { name: 'Accept all' }).click()
    await p.page.waitForFunction(() => (window as any).__analyticsRuns === 1)
    h.serve('/elsewhere.html', html('<p>Another page</p>', { script: '' }), { 'cache-control': 'no-cache' })
    await p.page.goto(h.base + '/elsewhere.html')
    // Withdrawn elsewhere (another device's sync, a server-side change): no message reaches the cached page.
    await p.context.addCookies([choiceCookie(h, choice(false))])
    await p.page.goBack({ waitUntil: 'commit' })
    await p.page.waitForFunction(() => (window as any).Cookiegate && !(window as any).Cookiegate.allowed('analytics'), undefined, { timeout: 2000 })
    expect(await p.page.evaluate(() => (window as any)[Symbol.for('shows')])).toEqual([false, true])
    // The page was restored, not reloaded: the script ran once, and its cookies are gone now.
    expect(await flag(p.page, '__analyticsRuns')).toBe(1)
    expect(await p.page.evaluate(() => (window as any).Cookiegate.consent.get().method)).toBe('reject-all')
    let names = await waitFor(async () => (await p.context.cookies()).map((c) => c.name), (n) => !n.includes('_ga'))
    expect(names).not.toContain('_ga')
    await assertNothingThrown(p)
  })

  // Chromium refuses to prerender while DevTools (Playwright) is attached
  // ("PrerenderingDisabledByDevTools"), so `document.prerendering` and its activation are simulated.
  const PRERENDER = `(() => {
    let pre = true
    Object.defineProperty(Document.prototype, 'prerendering', { get: () => pre, configurable: true })
    window[Symbol.for('activate')] = () => { pre = false; document.dispatchEvent(new Event('prerenderingchange')) }
  })()`
  const activate = (page: Page) => page.evaluate(() => (window as any)[Symbol.for('activate')]())

  test('11. a prerendered page shows no banner and runs no gated tag until it is activated', async () => {
    let ui: string[] = []
    let p = await h.page(html(gatedScript() + FOOTER), {
      init: TRAP + ';' + PRERENDER,
      setup: async (page: Page) => {
        page.on('request', (r) => partUrl('ui').test(r.url()) && ui.push(r.url()))
        await page.context().addCookies([choiceCookie(h, choice(true))])
      }
    })
    await settled(p)
    expect(p.requests()).toEqual([])
    expect(await flag(p.page, '__analyticsRuns')).toBeUndefined()
    expect(await p.page.evaluate(() => (window as any).Cookiegate.allowed('analytics'))).toBe(false)
    await activate(p.page)
    await p.page.waitForFunction(() => (window as any).__analyticsRuns === 1)
    expect(ui).toEqual([])
    await assertNothingThrown(p)
  })

  test('11. a prerendered first visit loads and shows the banner only once activated', async () => {
    let ui: string[] = []
    let p = await h.page(html(gatedScript() + FOOTER), {
      init: TRAP + ';' + PRERENDER,
      setup: (page: Page) => page.on('request', (r) => partUrl('ui').test(r.url()) && ui.push(r.url()))
    })
    await settled(p)
    expect(ui).toEqual([])
    expect(await p.page.locator('#cookiegate').count()).toBe(0)
    await activate(p.page)
    await banner(p.page).waitFor({ state: 'visible' })
    expect(p.requests()).toEqual([])
    await assertNothingThrown(p)
  })

  const blocked: [string, { init?: string; setup?: (page: Page) => Promise<unknown> }][] = [
    [
      'document.cookie throws',
      {
        init: `Object.defineProperty(Document.prototype, 'cookie', { get() { throw new DOMException('cookies are off', 'SecurityError') }, set() { throw new DOMException('cookies are off', 'SecurityError') }, configurable: true })`
      }
    ],
    [
      'the browser blocks cookies',
      {
        setup: async (page: Page) => {
          let cdp = await page.context().newCDPSession(page)
          await cdp.send('Emulation.setDocumentCookieDisabled', { disabled: true })
        }
      }
    ]
  ]
  for (let [name, options] of blocked) {
    test(`12. where ${name}, the choice lives in memory for the page and nothing throws`, async () => {
      let p = await h.page(html(gatedInline('__inline') + `<img alt="" data-category="analytics" data-src="${h.analytics}/pixel.gif">` + FOOTER), {
        init: TRAP + ';' + (options.init || ''),
        setup: options.setup
      })
      await banner(p.page).waitFor({ state: 'visible' })
      await settled(p)
      expect(p.requests()).toEqual([])
      await banner(p.page).getByRole('button', { name: 'Accept all' }).click()
      await p.page.waitForFunction(() => (window as any).__inline === 1)
      await waitFor(async () => p.requests('/pixel.gif').length, (n) => n === 1)
      // A re-read (the tab shown again) keeps the in-memory choice.
      await p.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')))
      expect(await p.page.evaluate(() => (window as any).Cookiegate.consent.get().method)).toBe('accept-all')
      await p.page.getByRole('link', { name: 'Cookie Settings' }).click()
      expect(await dialog(p.page).getByRole('switch', { name: 'Analytics' }).isChecked()).toBe(true)
      expect(await p.context.cookies()).toEqual([])
      await assertNothingThrown(p)
    })
  }

  test('14. a gated script that throws or fails to load does not stop the ones after it', async () => {
    let p = await h.page(
      html(
        `<script type="text/plain" data-category="analytics">throw new Error('gated boom')</script>` +
          `<script type="text/plain" data-category="analytics" src="${h.analytics}/missing.js"></script>` +
          gatedScript() +
          gatedInline('__after') +
          FOOTER
      ),
      { init: TRAP }
    )
    await banner(p.page).getByRole('button', { name: 'Accept all' }).click()
    await p.page.waitForFunction(() => (window as any).__after === 1 && (window as any).__analyticsRuns === 1)
    expect(p.pageErrors).toHaveLength(1)
    expect(p.pageErrors[0]).toContain('gated boom')
    // The 404 of missing.js is the only console error.
    expect(p.consoleErrors).toHaveLength(1)
    expect(p.consoleErrors[0]).toMatch(/404|Failed to load/)
    await p.page.getByRole('link', { name: 'Cookie Settings' }).click()
    await dialog(p.page).waitFor({ state: 'visible' })
    expect((await trap(p.page)).rejections).toEqual([])
  })

  test('14b. a page listener that throws, or bad input to save(), neither breaks the visitor\'s click nor runs anything refused', async () => {
    let p = await h.page(html(gatedScript() + FOOTER), { init: TRAP })
    // Page code that reacts to changes, written with a bug.
    await p.page.evaluate(() => (window as any).Cookiegate.onChange(() => (window as any).undefinedHelper()))
    // Bad input from page code: named on the console, refuses, changes nothing else.
    let afterSave = await p.page.evaluate(() => {
      ;(window as any).Cookiegate.save('analytics')
      return 'went on'
    })
    expect(afterSave).toBe('went on')
    expect(p.consoleErrors).toEqual([expect.stringContaining('save() takes { name: true | false }, not string')])
    await settled(p.page)
    expect(await flag(p.page, '__analyticsRuns')).toBeUndefined()
    expect(p.requests()).toEqual([])
    expect(await banner(p.page).count()).toBe(0)
    // The visitor's click: the choice is made, stored and acted on; the page's error is reported
    // as its own, uncaught, and page code after the call goes on.
    await p.page.getByRole('link', { name: 'Cookie Settings' }).click()
    await dialog(p.page).getByRole('button', { name: 'Accept all' }).click()
    await p.page.waitForFunction(() => (window as any).__analyticsRuns === 1)
    await dialog(p.page).waitFor({ state: 'detached' })
    let afterCall = await p.page.evaluate(() => {
      ;(window as any).Cookiegate.acceptAll()
      ;(window as any).Cookiegate.rejectAll()
      return 'went on'
    })
    expect(afterCall).toBe('went on')
    expect(await p.page.evaluate(() => (window as any).Cookiegate.consent.get().method)).toBe('reject-all')
    // One per change: save(), the click, rejectAll() (acceptAll() changed nothing).
    await waitFor(async () => p.pageErrors.length, (n) => n >= 3)
    await settled(p.page)
    expect(p.pageErrors).toEqual(Array(3).fill(expect.stringContaining('undefinedHelper is not a function')))
    expect((await trap(p.page)).rejections).toEqual([])
  })

  test('15. inside a cross-site iframe the banner works, the choice lives in memory, and nothing runs early', async () => {
    let framed = h.base.replace('www.shop.test', 'www.embedded.test') + '/framed.html'
    h.serve('/framed.html', html(gatedInline('__inline') + `<img alt="" data-category="analytics" data-src="${h.analytics}/pixel.gif">` + FOOTER))
    let p = await h.page(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head>
      <body><iframe title="shop" src="${framed}" style="width:800px;height:600px"></iframe></body></html>`, { init: TRAP, ready: false })
    let frame = p.page.frames().find((f) => f.url() === framed)!
    await frame.waitForFunction(() => !!(window as any).Cookiegate)
    let frameBanner = frame.getByRole('region', { name: 'Cookies on this site' })
    await frameBanner.waitFor({ state: 'visible' })
    await settled(p)
    expect(p.requests()).toEqual([])
    await frameBanner.getByRole('button', { name: 'Accept all' }).click()
    await frame.waitForFunction(() => (window as any).__inline === 1)
    expect(await frame.evaluate(() => (window as any).Cookiegate.consent.get().decided)).toBe(true)
    expect(await p.page.evaluate(() => (window as any).Cookiegate)).toBeUndefined()
    await assertNothingThrown(p)
    expect(await frame.evaluate(() => (window as any)[Symbol.for('trap')].rejections)).toEqual([])
  })

  test('16. under a strict CSP the banner is styled and usable, nonce\u2019d gated scripts run, and nothing is violated', async () => {
    let nonce = 'c2VjcmV0LW5vbmNl'
    h.serve('/favicon.ico', '')
    let page = html(
      gatedScript().replace('<script ', `<script nonce="${nonce}" `) + gatedInline('__inline', ` nonce="${nonce}"`) + FOOTER,
      { head: configElement('{ "policyUrl": "/privacy" }') }
    ).replace('<link rel="icon" href="data:,">', '<link rel="icon" href="/favicon.ico">')
    let p = await h.page(page, {
      init: TRAP,
      headers: { 'content-security-policy': `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self'` }
    })
    let region = banner(p.page)
    await region.waitFor({ state: 'visible' })
    // Unstyled, the banner would be a static section at the end of the page (styled, it sits in a fixed frame).
    expect(await region.evaluate((el) => getComputedStyle(el.parentElement!).position)).toBe('fixed')
    expect(p.requests()).toEqual([])
    await p.page.getByRole('link', { name: 'Cookie Settings' }).click()
    await dialog(p.page).getByRole('switch', { name: 'Analytics' }).check()
    await dialog(p.page).getByRole('button', { name: 'Save choices' }).click()
    await p.page.waitForFunction(() => (window as any).__inline === 1 && (window as any).__analyticsRuns === 1)
    expect((await trap(p.page)).csp).toEqual([])
    await assertNothingThrown(p)
  })

  test('17. under a classic script in <head>, the config the page sets or changes before DOMContentLoaded is the one used', async () => {
    let blocking = { script: '<script src="/cookiegate.js"></script>' }
    let names = (p: TestPage) => p.page.evaluate(() => (window as any).Cookiegate.config.categories.map((c: { name: string }) => c.name))
    // Set after the script ran.
    let p = await h.page(html('<script>window.cookiegateConfig = { categories: { essential: { required: true }, marketing: {} } }</script>', blocking), { init: TRAP })
    expect(await names(p)).toEqual(['essential', 'marketing'])
    await assertNothingThrown(p)
    await p.close()
    // The element rewritten.
    p = await h.page(html(`<script>document.getElementById('cookiegate-config').textContent = '{"revision": 7}'</script>`, { ...blocking, head: configElement('{"revision": 1}') }), { init: TRAP })
    expect(await p.page.evaluate(() => (window as any).Cookiegate.config.revision)).toBe(7)
    await assertNothingThrown(p)
    await p.close()
    // The object changed in place, into an invalid config: it fails closed.
    p = await h.page(html(gatedInline('__inline') + '<script>window.cookiegateConfig.gcp = false</script>', { ...blocking, head: '<script>window.cookiegateConfig = { revision: 1 }</script>' }), { init: TRAP })
    await waitFor(() => p.consoleErrors, (errors) => errors.length > 0)
    expect(p.consoleErrors).toHaveLength(1)
    expect(p.consoleErrors[0]).toContain('gcp')
    await p.page.evaluate(() => (window as any).Cookiegate.acceptAll())
    await settled(p)
    expect(await flag(p.page, '__inline')).toBeUndefined()
    expect(p.requests()).toEqual([])
  })

  test('texts from config render as text in Chromium, never as HTML', async () => {
    let evil = '<img src=x onerror="window.__xss=1">'
    let texts = ['bannerTitle', 'bannerText', 'acceptAll', 'rejectAll', 'customise', 'save', 'preferencesTitle', 'preferencesText', 'policyLink', 'close', 'alwaysOn']
    let config = {
      policyUrl: '/privacy',
      texts: Object.fromEntries(texts.map((key) => [key, key + ' ' + evil])),
      categories: { essential: { required: true, label: evil, description: evil }, analytics: { label: 'A ' + evil, description: evil } }
    }
    let p = await h.page(html(FOOTER, { head: configElement(JSON.stringify(config)) }), { init: TRAP })
    await p.page.locator('.cg-banner').waitFor({ state: 'visible' })
    await p.page.getByRole('link', { name: 'Cookie Settings' }).click()
    await p.page.locator('dialog.cg-modal').waitFor({ state: 'visible' })
    await settled(p)
    expect(await p.page.locator('#cookiegate img').count()).toBe(0)
    expect(await flag(p.page, '__xss')).toBeUndefined()
    expect(await p.page.locator('#cookiegate .cg-root').textContent()).toContain('bannerText ' + evil)
    await assertNothingThrown(p)
  })
})
