/**
 * Narrow phones and pages wider than the screen (issue #11, item 6): on an emulated phone the
 * banner (bar and box, every position) and the preferences stay inside the *visible* viewport
 * (`visualViewport`), and every button is fully visible and is what a tap at its centre hits.
 *
 * With `isMobile`, content wider than the screen widens the layout viewport, and `position: fixed`
 * follows the layout viewport, not the visual one: a page whose content is 422 px wide on a
 * 390 px phone once pushed the banner's right end (and Customise) off screen.
 */
import type { Page } from 'playwright-core'
import { beforeEach, describe, expect, test } from 'vitest'
import { html, sleep, useHarness, type Harness } from './harness'

const harness = useHarness()
let h: Harness
beforeEach(() => {
  h = harness()
})

const VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'
const ARTICLE = '<main><h1>Pricing</h1>' + '<p>Plans for every team size, billed monthly or yearly.</p>'.repeat(30) + '</main>'
// As the demo's privacy page once was: a table 422 px wide that does not scroll on its own.
const WIDE = '<div style="width: 422px; height: 40px; background: #eee">a wide table</div>'
const LAYOUTS = [
  ['bar', 'bottom'],
  ['bar', 'top'],
  ['box', 'bottom-right'],
  ['box', 'bottom-left'],
  ['box', 'top-right'],
  ['box', 'top-left']
] as const

const phone = (width: number) => ({
  viewport: { width, height: 640 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 3,
  // No entrance slide: the boxes are final at once.
  reducedMotion: 'reduce' as const
})

interface Box {
  name: string
  left: number
  right: number
  top: number
  bottom: number
  /** A hit test at the centre finds this element. */
  hit: boolean
}

/**
 * Measures `selectors` inside the UI's shadow root, in the visual viewport's own coordinates
 * (0..width, 0..height), and hit-tests each box's centre.
 */
function measure(page: Page, selectors: string[]) {
  return page.evaluate((selectors) => {
    let root = document.getElementById('cookiegate')!.shadowRoot!
    let vv = window.visualViewport!
    let boxes = selectors.flatMap((selector) =>
      [...root.querySelectorAll<HTMLElement>(selector)].map((el) => {
        let r = el.getBoundingClientRect()
        let x = r.left + r.width / 2
        let y = r.top + r.height / 2
        let at = root.elementFromPoint(x, y)
        return {
          name: (el.getAttribute('aria-label') || el.textContent || selector).trim().slice(0, 20) || selector,
          left: Math.round(r.left - vv.offsetLeft),
          right: Math.round(r.right - vv.offsetLeft),
          top: Math.round(r.top - vv.offsetTop),
          bottom: Math.round(r.bottom - vv.offsetTop),
          hit: !!at && (at === el || el.contains(at))
        }
      })
    )
    return { width: vv.width, height: vv.height, layout: innerWidth, boxes }
  }, selectors) as Promise<{ width: number; height: number; layout: number; boxes: Box[] }>
}

/** The boxes that are not entirely inside the visible viewport or that a tap would miss. */
const outside = ({ width, height, boxes }: Awaited<ReturnType<typeof measure>>) =>
  boxes.filter((b) => b.left < 0 || b.top < 0 || b.right > width || b.bottom > height || !b.hit)

const config = (layout: string, position: string) =>
  `<script type="application/json" id="cookiegate-config">${JSON.stringify({ layout, position, policyUrl: '/privacy' })}</script>`

/** Prints one line per measurement (the issue's closing note quotes them). */
const log = (label: string, m: Awaited<ReturnType<typeof measure>>) =>
  console.log(
    `${label} visible ${m.width}×${m.height} (layout viewport ${m.layout} wide): ` + m.boxes.map((b, i) => `${b.name} x ${b.left}–${b.right}${i ? '' : ` y ${b.top}–${b.bottom}`}${b.hit ? '' : ' (missed)'}`).join(', ')
  )

describe('narrow and overflowing pages (Chromium, emulated phone)', () => {
  for (let width of [320, 360, 390]) {
    for (let [kind, body] of [
      ['normal page', ARTICLE],
      ['page wider than the screen', WIDE + ARTICLE]
    ] as const) {
      test(`${width} px, ${kind}: banner in every layout and the preferences stay on screen and clickable`, async () => {
        // One phone per test; each layout is a page of its own, opened without a stored choice.
        let p = await h.page(html(body, { head: VIEWPORT }), { context: phone(width), ready: false })
        for (let [layout, position] of LAYOUTS) {
          let path = `/${width}-${body.length}-${layout}-${position}.html`
          h.serve(path, html(body, { head: VIEWPORT + config(layout, position) }))
          await p.context.clearCookies()
          await p.page.goto(h.base + path)
          await p.ready()
          let banner = p.page.getByRole('region', { name: 'Cookies on this site' })
          await banner.waitFor({ state: 'visible' })
          let m = await measure(p.page, ['.cg-banner', '.cg-banner .cg-btn'])
          log(`${width} ${kind} ${layout} ${position}:`, m)
          expect.soft(outside(m), `${layout} ${position}`).toEqual([])
          if (body !== ARTICLE) {
            // Scrolled and panned: the visible part moves within the wider layout viewport.
            await p.page.mouse.move(100, 100)
            await p.page.mouse.wheel(100, 300)
            await p.page.waitForFunction(() => visualViewport!.offsetLeft > 0 && visualViewport!.offsetTop > 0)
            await sleep(100)
            let panned = await measure(p.page, ['.cg-banner', '.cg-banner .cg-btn'])
            log(`${width} ${kind} ${layout} ${position}, panned:`, panned)
            expect.soft(outside(panned), `${layout} ${position}, panned`).toEqual([])
          }

          // A real tap on Customise, then on the close button, then Accept all.
          let tap = async (selector: string) => {
            let b = (await p.page.locator(selector).boundingBox())!
            await p.page.mouse.click(b.x + b.width / 2, b.y + b.height / 2)
          }
          await tap('.cg-banner .cg-btn-alt')
          await p.page.getByRole('dialog', { name: 'Cookie settings' }).waitFor({ state: 'visible', timeout: 3000 })
          let prefs = await measure(p.page, ['.cg-modal', '.cg-modal .cg-title', '.cg-close', '.cg-modal .cg-btn'])
          log(`${width} ${kind} ${layout} ${position}, preferences:`, prefs)
          expect.soft(outside(prefs), `${layout} ${position} preferences`).toEqual([])
          await tap('.cg-close')
          await p.page.getByRole('dialog').waitFor({ state: 'detached', timeout: 3000 })
          await tap('.cg-banner .cg-btn:first-child')
          await banner.waitFor({ state: 'detached', timeout: 3000 })
          expect(await p.page.evaluate(() => (window as any).Cookiegate.consent.get().method)).toBe('accept-all')
        }
        p.assertClean()
      })
    }
  }
})
