/**
 * The UI's isolation and options in real Chromium: a hostile page stylesheet, a strict CSP,
 * theming through --cg-* variables, light/dark, auto-detected language (one language file only),
 * right-to-left mirroring, and per-service gating.
 */
import { createRequire } from 'node:module'
import { beforeEach, describe, expect, test } from 'vitest'
import { animationsDone, banner, html, settled, useHarness, type Harness, type TestPage } from './harness'

const harness = useHarness()
let h: Harness
beforeEach(() => {
  h = harness()
})

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const config = (value: object) => `<script type="application/json" id="cookiegate-config">${JSON.stringify(value)}</script>`
/** A computed style of an element inside the UI's shadow root. */
const styleOf = (p: TestPage, selector: string, property: string) =>
  p.page.evaluate(
    ([sel, prop]) => getComputedStyle(document.getElementById('cookiegate')!.shadowRoot!.querySelector(sel!)!).getPropertyValue(prop!),
    [selector, property]
  )

describe('isolation (Chromium)', () => {
  test('a hostile page stylesheet cannot hide or distort the banner', async () => {
    let hostile = `<style>
      button { display: none !important; }
      * { box-sizing: content-box !important; font-size: 40px !important; color: red !important; line-height: 5 !important; }
      body > div { display: none !important; transform: scale(0.1); opacity: 0 !important; }
      section { visibility: hidden !important; }
    </style>`
    let p = await h.page(html('', { head: hostile }))
    let region = banner(p)
    await region.waitFor({ state: 'visible' })
    for (let name of ['Accept all', 'Reject all', 'Customise']) {
      let box = (await region.getByRole('button', { name }).boundingBox())!
      expect(box.height).toBeGreaterThanOrEqual(44)
      expect(box.height).toBeLessThan(80)
    }
    expect(parseFloat(await styleOf(p, '.cg-title', 'font-size'))).toBeCloseTo(16, 1)
    expect(await styleOf(p, '.cg-text', 'color')).not.toBe('rgb(255, 0, 0)')
    await p.page.addScriptTag({ path: AXE })
    let violations = await p.page.evaluate(async () => {
      let result = await (window as any).axe.run({ include: [['#cookiegate']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } })
      return result.violations.map((v: any) => v.id)
    })
    expect(violations).toEqual([])
    await region.getByRole('button', { name: 'Reject all' }).click()
    await region.waitFor({ state: 'detached' })
    p.assertClean()
  })

  test('shadow: false renders in the light DOM, where the page styles the .cg- classes', async () => {
    let p = await h.page(html('', { head: config({ shadow: false }) + '<style>.cg-btn { border-radius: 0 }</style>' }))
    await banner(p).waitFor({ state: 'visible' })
    let radius = await p.page.evaluate(() => getComputedStyle(document.querySelector('#cookiegate .cg-btn')!).borderTopLeftRadius)
    expect(radius).toBe('0px')
    p.assertClean()
  })

  test('a CSP without unsafe-inline blocks nothing: the UI is styled and no violation is reported', async () => {
    let csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'">`
    let p = await h.page(html('', { head: csp }), {
      init: `window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`
    })
    await banner(p).waitFor({ state: 'visible' })
    await p.page.evaluate(() => window.Cookiegate!.open())
    await p.page.getByRole('dialog', { name: 'Cookie settings' }).waitFor({ state: 'visible' })
    expect(await p.page.evaluate(() => (window as any).__csp)).toEqual([])
    expect(await styleOf(p, '.cg-btn', 'background-color')).toBe('rgb(17, 24, 39)')
    p.assertClean()
  })
})

describe('theming (Chromium)', () => {
  test('--cg-* variables set on the page reach into the shadow root', async () => {
    let p = await h.page(html('', { head: '<style>:root { --cg-btn-bg: #4f46e5; --cg-radius: 4px; --cg-font: Georgia, serif }</style>' + config({ layout: 'box' }) }))
    await banner(p).waitFor({ state: 'visible' })
    expect(await styleOf(p, '.cg-btn', 'background-color')).toBe('rgb(79, 70, 229)')
    expect(await styleOf(p, '.cg-banner', 'border-top-left-radius')).toBe('4px')
    expect(await styleOf(p, '.cg-title', 'font-family')).toBe('Georgia, serif')
    p.assertClean()
  })

  test('theme auto follows prefers-color-scheme; a pinned theme ignores it', async () => {
    let dark = await h.page(html(''), { context: { colorScheme: 'dark' } })
    let light = await h.page(html(''), { context: { colorScheme: 'light' } })
    let pinned = await h.page(html('', { head: config({ theme: 'light' }) }), { context: { colorScheme: 'dark' } })
    for (let p of [dark, light, pinned]) await banner(p).waitFor({ state: 'visible' })
    expect(await styleOf(dark, '.cg-banner', 'background-color')).toBe('rgb(24, 24, 27)')
    expect(await styleOf(light, '.cg-banner', 'background-color')).toBe('rgb(255, 255, 255)')
    expect(await styleOf(pinned, '.cg-banner', 'background-color')).toBe('rgb(255, 255, 255)')
  })

  test('a box sits in its corner; a top bar at the top', async () => {
    let box = await h.page(html('', { head: config({ layout: 'box', position: 'bottom-left' }) }), { context: { viewport: { width: 1280, height: 800 } } })
    let bar = await h.page(html('', { head: config({ position: 'top' }) }), { context: { viewport: { width: 1280, height: 800 } } })
    await banner(box).waitFor({ state: 'visible' })
    await banner(bar).waitFor({ state: 'visible' })
    await Promise.all([animationsDone(banner(box)), animationsDone(banner(bar))])
    let b = (await banner(box).boundingBox())!
    expect(b.x).toBeLessThan(40)
    expect(b.y + b.height).toBeGreaterThan(760)
    expect(b.width).toBeLessThan(420)
    let t = (await banner(bar).boundingBox())!
    expect([t.x, t.y, t.width]).toEqual([0, 0, 1280])
  })
})

describe('languages (Chromium)', () => {
  test('auto picks the browser language and loads only that language file', async () => {
    let i18n: string[] = []
    let page = html('').replace('<html lang="en">', '<html>')
    let p = await h.page(page, {
      context: { locale: 'fr-FR' },
      setup: (pg) => pg.on('request', (r) => r.url().includes('/i18n/') && i18n.push(new URL(r.url()).pathname))
    })
    await banner(p, 'Les cookies sur ce site').waitFor({ state: 'visible' })
    expect(i18n).toHaveLength(1)
    expect(i18n[0]).toMatch(/^\/i18n\/fr-[\w.-]+\.js$/)
    expect(await p.page.locator('.cg-root').getAttribute('lang')).toBe('fr')
    p.assertClean()
  })

  test('an English page loads no language file', async () => {
    let i18n: string[] = []
    let p = await h.page(html(''), { setup: (pg) => pg.on('request', (r) => r.url().includes('/i18n/') && i18n.push(r.url())) })
    await banner(p).waitFor({ state: 'visible' })
    expect(i18n).toEqual([])
  })

  test('a right-to-left page mirrors the layout: dir="rtl", the box corner and the text alignment', async () => {
    let page = html('', { head: config({ layout: 'box', position: 'bottom-right' }) }).replace('<html lang="en">', '<html lang="he" dir="rtl">')
    let p = await h.page(page, { context: { viewport: { width: 1280, height: 800 } } })
    let region = banner(p, 'עוגיות באתר הזה')
    await region.waitFor({ state: 'visible' })
    await animationsDone(region)
    expect(await p.page.locator('.cg-root').getAttribute('dir')).toBe('rtl')
    // bottom-right is the inline end: the left in a right-to-left language.
    expect((await region.boundingBox())!.x).toBeLessThan(40)
    expect(await styleOf(p, '.cg-title', 'direction')).toBe('rtl')
    p.assertClean()
  })
})

describe('services (Chromium)', () => {
  test('a tag with data-service runs only once that service is allowed; withdrawing it deletes its cookies', async () => {
    let services = config({
      categories: {
        essential: { required: true },
        analytics: { services: { posthog: { cookies: ['ph_*'] }, ga: { cookies: ['_ga', '_ga_*'] } } }
      }
    })
    let p = await h.page(
      html(`<script type="text/plain" data-category="analytics" data-service="posthog" src="${h.analytics}/analytics.js"></script>`, { head: services })
    )
    await banner(p).waitFor({ state: 'visible' })
    await p.page.evaluate(() => window.Cookiegate!.save({ ga: true }))
    await settled(p)
    expect(p.requests('/analytics.js')).toHaveLength(0)
    await p.page.evaluate(() => window.Cookiegate!.save({ analytics: true }))
    await p.page.waitForFunction(() => (window as any).__analyticsRuns === 1)
    expect(p.requests('/analytics.js')).toHaveLength(1)
    // The analytics script set ph_test_posthog and _ga on .shop.test; only PostHog's goes.
    await p.page.evaluate(() => window.Cookiegate!.save({ analytics: true, posthog: false }))
    let names = (await p.context.cookies()).map((c) => c.name)
    expect(names).not.toContain('ph_test_posthog')
    expect(names).toContain('_ga')
    p.assertClean()
  })
})
