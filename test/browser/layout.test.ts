/** The banner overlays the page: no layout shift, and it fits a 320 px wide phone. */
import { beforeEach, describe, expect, test } from 'vitest'
import { animationsDone, html, painted, useHarness, type Harness } from './harness'

const harness = useHarness()
let h: Harness
beforeEach(() => {
  h = harness()
})

const ARTICLE = '<main><h1>Pricing</h1>' + '<p>Plans for every team size, billed monthly or yearly.</p>'.repeat(40) + '</main>'
// Records every layout-shift entry from the first paint on.
const RECORD_SHIFTS = `
  window.__shifts = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push(e.value) })
    .observe({ type: 'layout-shift', buffered: true });`

describe('layout (Chromium)', () => {
  test('showing and dismissing the banner shifts nothing on the page', async () => {
    let p = await h.page(html(ARTICLE), { init: RECORD_SHIFTS })
    let banner = p.page.getByRole('region', { name: 'Cookies on this site' })
    await banner.waitFor({ state: 'visible' })
    await animationsDone(banner)
    await banner.getByRole('button', { name: 'Reject all' }).click()
    await banner.waitFor({ state: 'detached' })
    await painted(p)
    let shifts = await p.page.evaluate(() => (window as any).__shifts as number[])
    expect(shifts.reduce((a, b) => a + b, 0)).toBe(0)
    p.assertClean()
  })

  test('the banner and the preferences fit a 320 px wide viewport', async () => {
    let p = await h.page(html(ARTICLE), { context: { viewport: { width: 320, height: 640 } } })
    let banner = p.page.getByRole('region', { name: 'Cookies on this site' })
    await banner.waitFor({ state: 'visible' })
    // Measured once the entrance slide has ended; locators pierce the UI's shadow root.
    let settle = () => p.page.evaluate(() => Promise.all(document.getElementById('cookiegate')!.shadowRoot!.getAnimations().map((a) => a.finished)))
    let fits = async (selector: string) => {
      await settle()
      let r = (await p.page.locator(selector).boundingBox())!
      return r.x >= 0 && r.x + r.width <= 320 && r.y >= 0 && r.y + r.height <= 640
    }
    expect(await fits('.cg-banner')).toBe(true)
    for (let name of ['Accept all', 'Reject all', 'Customise']) {
      let box = (await banner.getByRole('button', { name }).boundingBox())!
      expect(box.width).toBeGreaterThan(200)
      expect(box.height).toBeGreaterThanOrEqual(44)
    }
    await banner.getByRole('button', { name: 'Customise' }).click()
    await p.page.getByRole('dialog', { name: 'Cookie settings' }).waitFor({ state: 'visible' })
    expect(await fits('.cg-modal')).toBe(true)
    expect(await p.page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true)
    p.assertClean()
  })
})
