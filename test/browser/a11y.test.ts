/**
 * Accessibility in real Chromium: axe-core (WCAG 2.0–2.2 A/AA + best practices) on the banner and
 * the open preferences in every theme, width and direction, with a screenshot of each for review
 * (test-results/screenshots/); keyboard-only consent flows; focus never hidden under the banner;
 * 200% zoom; reduced motion.
 */
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { beforeEach, describe, expect, test } from 'vitest'
import { banner, dialog, html, useHarness, type Harness, type TestPage } from './harness'

const harness = useHarness()
let h: Harness
beforeEach(() => {
  h = harness()
})

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const SHOTS = 'test-results/screenshots'
const FOOTER = '<footer><p>© Shop</p><a href="#" data-cookie-settings>Cookie Settings</a></footer>'

/** A realistic config: services, cookie tables and a policy link, so every part of the UI is audited. */
const config = (extra: object = {}) =>
  `<script type="application/json" id="cookiegate-config">${JSON.stringify({
    policyUrl: '/privacy',
    categories: {
      essential: {
        required: true,
        cookieTable: [{ name: 'session', provider: 'Shop', purpose: 'Keeps you signed in', duration: 'Session' }]
      },
      analytics: {
        services: {
          posthog: {
            label: 'PostHog',
            description: 'Product analytics',
            cookies: ['ph_*'],
            cookieTable: [{ name: 'ph_*_posthog', provider: 'PostHog', purpose: 'Tells visits apart', duration: '1 year' }]
          },
          ga: { label: 'Google Analytics', cookies: ['_ga', '_ga_*'] }
        }
      },
      marketing: { label: 'Marketing', description: 'Lets us measure our ads.' }
    },
    ...extra
  })}</script>`

/** Waits until the UI's entrance animations have ended (screenshots and boxes are then final). */
const settle = (page: Page) =>
  page.evaluate(() => Promise.all(document.getElementById('cookiegate')!.shadowRoot!.getAnimations().map((a) => a.finished)))

/** Runs axe-core on the whole page (it walks open shadow roots) and returns its violations, readable. */
async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE })
  let violations = await page.evaluate(async () => {
    let result = await (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'] }
    })
    return result.violations.map((v: any) => `${v.id}: ${v.help} → ${v.nodes.map((n: any) => JSON.stringify(n.target) + ' ' + n.failureSummary).join(' | ')}`)
  })
  return violations
}

/** What has keyboard focus, looking through shadow roots: its accessible-ish name. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    let a = document.activeElement as HTMLElement | null
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement as HTMLElement
    if (!a || a === document.body) return ''
    let input = a as HTMLInputElement
    return (a.getAttribute('aria-label') || input.labels?.[0]?.textContent || a.textContent || '').trim()
  })

/** Presses Tab until the control named `name` has focus; fails after `max` presses. */
async function tabTo(page: Page, name: string, max = 25) {
  for (let i = 0; i < max; i++) {
    if ((await focusedName(page)) === name) return
    await page.keyboard.press('Tab')
  }
  expect(await focusedName(page), `Tab never reached "${name}"`).toBe(name)
}

const allowed = (p: TestPage, name: string) => p.page.evaluate((n) => window.Cookiegate!.allowed(n), name)

describe('axe-core and screenshots (Chromium)', () => {
  mkdirSync(SHOTS, { recursive: true })
  const WIDTHS = [
    [320, 640],
    [768, 1024],
    [1280, 800]
  ] as const
  for (let [width, height] of WIDTHS) {
    for (let theme of ['light', 'dark'] as const) {
      for (let language of ['en', 'ar'] as const) {
        let dir = language === 'ar' ? 'rtl' : 'ltr'
        test(`banner and preferences have 0 axe violations at ${width} px, ${theme}, ${dir}`, async () => {
          let p = await h.page(html(FOOTER, { head: config({ theme, language }) }), {
            context: { viewport: { width, height } }
          })
          let region = p.page.locator('section.cg-banner')
          await region.waitFor({ state: 'visible' })
          await settle(p.page)
          expect(await axe(p.page), 'banner').toEqual([])
          await p.page.screenshot({ path: `${SHOTS}/banner-${width}-${theme}-${dir}.png` })

          await region.locator('button').nth(2).click()
          let modal = p.page.locator('dialog.cg-modal')
          await modal.waitFor({ state: 'visible' })
          // Open the cookie tables and turn on a service, so they are audited and seen too.
          for (let summary of await modal.locator('summary').all()) await summary.click()
          await modal.locator('input[role="switch"]').nth(2).check()
          await settle(p.page)
          expect(await axe(p.page), 'preferences').toEqual([])
          await p.page.screenshot({ path: `${SHOTS}/preferences-${width}-${theme}-${dir}.png` })
          p.assertClean()
        })
      }
    }
  }
})

describe('keyboard only (Chromium)', () => {
  const PAGE = () => html('<p><a href="/about">About us</a></p>' + FOOTER, { head: config() })

  test('Tab reaches the banner first; Enter on Accept all allows everything', async () => {
    let p = await h.page(PAGE())
    await banner(p).waitFor({ state: 'visible' })
    await p.page.keyboard.press('Tab')
    // The banner is first in the Tab order: its policy link, then the buttons.
    expect(await focusedName(p.page)).toBe('Privacy policy')
    await tabTo(p.page, 'Accept all', 3)
    await p.page.keyboard.press('Enter')
    await banner(p).waitFor({ state: 'detached' })
    expect(await allowed(p, 'posthog')).toBe(true)
    p.assertClean()
  })

  test('Enter on Reject all refuses everything', async () => {
    let p = await h.page(PAGE())
    await banner(p).waitFor({ state: 'visible' })
    await tabTo(p.page, 'Reject all')
    await p.page.keyboard.press('Enter')
    await banner(p).waitFor({ state: 'detached' })
    expect(await p.page.evaluate(() => window.Cookiegate!.consent.get().method)).toBe('reject-all')
    expect(await allowed(p, 'analytics')).toBe(false)
    p.assertClean()
  })

  test('customise and save: one service on, with Tab, Space and Enter', async () => {
    let p = await h.page(PAGE())
    await banner(p).waitFor({ state: 'visible' })
    await tabTo(p.page, 'Customise')
    await p.page.keyboard.press('Enter')
    await dialog(p).waitFor({ state: 'visible' })
    // Focus moved into the dialog.
    expect(await focusedName(p.page)).toBe('Close')
    await tabTo(p.page, 'PostHog')
    await p.page.keyboard.press('Space')
    await tabTo(p.page, 'Save choices')
    await p.page.keyboard.press('Enter')
    await dialog(p).waitFor({ state: 'detached' })
    expect(await p.page.evaluate(() => window.Cookiegate!.consent.get())).toMatchObject({
      method: 'custom',
      categories: { analytics: true, marketing: false },
      services: { posthog: true, ga: false }
    })
    p.assertClean()
  })

  test('withdraw from the footer link: consent is withdrawn, its cookies go, focus returns to the link', async () => {
    let p = await h.page(PAGE())
    await banner(p).waitFor({ state: 'visible' })
    await tabTo(p.page, 'Accept all')
    await p.page.keyboard.press('Enter')
    await banner(p).waitFor({ state: 'detached' })
    await p.page.evaluate(() => (document.cookie = 'ph_abc_posthog=1; path=/'))
    await p.reload()
    await tabTo(p.page, 'Cookie Settings')
    await p.page.keyboard.press('Enter')
    await dialog(p).waitFor({ state: 'visible' })
    await tabTo(p.page, 'Analytics')
    await p.page.keyboard.press('Space')
    await tabTo(p.page, 'Save choices')
    await p.page.keyboard.press('Enter')
    await dialog(p).waitFor({ state: 'detached' })
    expect(await allowed(p, 'analytics')).toBe(false)
    expect((await p.context.cookies()).map((c) => c.name)).not.toContain('ph_abc_posthog')
    expect(await focusedName(p.page)).toBe('Cookie Settings')
    p.assertClean()
  })

  test('Esc closes the preferences and focus goes back to Customise', async () => {
    let p = await h.page(PAGE())
    await banner(p).waitFor({ state: 'visible' })
    await tabTo(p.page, 'Customise')
    await p.page.keyboard.press('Enter')
    await dialog(p).waitFor({ state: 'visible' })
    await p.page.keyboard.press('Escape')
    await dialog(p).waitFor({ state: 'detached' })
    expect(await focusedName(p.page)).toBe('Customise')
    p.assertClean()
  })

  test('the page behind the open preferences is inert', async () => {
    let p = await h.page(PAGE())
    await p.page.evaluate(() => window.Cookiegate!.open())
    await dialog(p).waitFor({ state: 'visible' })
    let names = new Set<string>()
    for (let i = 0; i < 20; i++) {
      await p.page.keyboard.press('Tab')
      names.add(await focusedName(p.page))
    }
    expect(names.has('About us') || names.has('Cookie Settings')).toBe(false)
    expect(names).toContain('Save choices')
    // A click on the page behind does not reach it.
    let clicked = await p.page.evaluate(() => {
      let link = document.querySelector('a[href="/about"]') as HTMLElement
      let box = link.getBoundingClientRect()
      let hit = document.elementFromPoint(box.x + 2, box.y + 2)
      return hit === link
    })
    expect(clicked).toBe(false)
    p.assertClean()
  })
})

describe('visibility and motion (Chromium)', () => {
  test('a focused page element is never hidden under the banner (WCAG 2.4.11)', async () => {
    let links = Array.from({ length: 40 }, (_, i) => `<p>Paragraph ${i} with <a href="/l${i}">link ${i}</a>.</p>`).join('')
    let p = await h.page(html(`<main>${links}</main>`, { head: config() }), { context: { viewport: { width: 1024, height: 600 } } })
    await banner(p).waitFor({ state: 'visible' })
    await settle(p.page)
    let hidden: string[] = []
    for (let i = 0; i < 45; i++) {
      await p.page.keyboard.press('Tab')
      let overlap = await p.page.evaluate(() => {
        let a = document.activeElement as HTMLElement
        if (!a || a.id === 'cookiegate' || a === document.body) return null
        let f = a.getBoundingClientRect()
        let b = document.getElementById('cookiegate')!.shadowRoot!.querySelector('.cg-banner')!.getBoundingClientRect()
        return f.bottom > b.top && f.top < b.bottom ? a.textContent : null
      })
      if (overlap) hidden.push(overlap)
    }
    expect(hidden).toEqual([])
    p.assertClean()
  })

  test('at 200% zoom (640 × 400 CSS px) every control of the banner and the preferences can be reached', async () => {
    let p = await h.page(html('', { head: config() }), { context: { viewport: { width: 640, height: 400 } } })
    await banner(p).waitFor({ state: 'visible' })
    await settle(p.page)
    for (let name of ['Accept all', 'Reject all', 'Customise']) {
      let button = banner(p).getByRole('button', { name })
      await button.scrollIntoViewIfNeeded()
      expect(await button.isVisible()).toBe(true)
    }
    await banner(p).getByRole('button', { name: 'Customise' }).click()
    await dialog(p).waitFor({ state: 'visible' })
    await settle(p.page)
    let box = (await p.page.locator('dialog.cg-modal').boundingBox())!
    expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= 640 && box.y + box.height <= 400).toBe(true)
    for (let name of ['Save choices', 'Accept all', 'Reject all']) {
      expect(await dialog(p).getByRole('button', { name }).isVisible()).toBe(true)
    }
    let marketing = dialog(p).getByRole('switch', { name: 'Marketing' })
    await marketing.scrollIntoViewIfNeeded()
    expect(await marketing.isVisible()).toBe(true)
    expect(await p.page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true)
    p.assertClean()
  })

  test('prefers-reduced-motion: the banner and the preferences appear without animation', async () => {
    let animation = (p: TestPage, selector: string) =>
      p.page.evaluate((sel) => getComputedStyle(document.getElementById('cookiegate')!.shadowRoot!.querySelector(sel)!).animationName, selector)
    let still = await h.page(html('', { head: config() }), { context: { reducedMotion: 'reduce' } })
    let moving = await h.page(html('', { head: config() }), { context: { reducedMotion: 'no-preference' } })
    for (let p of [still, moving]) {
      await banner(p).waitFor({ state: 'visible' })
      await p.page.evaluate(() => window.Cookiegate!.open())
      await dialog(p).waitFor({ state: 'visible' })
    }
    expect([await animation(still, '.cg-banner'), await animation(still, '.cg-modal')]).toEqual(['none', 'none'])
    expect([await animation(moving, '.cg-banner'), await animation(moving, '.cg-modal')]).toEqual(['cg-rise', 'cg-pop'])
    still.assertClean()
  })

  test('targets are at least 24 × 24 px and focus is visibly outlined', async () => {
    let p = await h.page(html('', { head: config() }), { context: { viewport: { width: 320, height: 640 } } })
    await p.page.evaluate(() => window.Cookiegate!.open())
    await dialog(p).waitFor({ state: 'visible' })
    await settle(p.page)
    let small = await p.page.evaluate(() => {
      let root = document.getElementById('cookiegate')!.shadowRoot!
      return Array.from(root.querySelectorAll<HTMLElement>('button, input, summary'))
        .map((el) => [el.textContent || el.getAttribute('aria-label') || el.id, el.getBoundingClientRect()] as const)
        .filter(([, r]) => r.width < 24 || r.height < 24)
        .map(([name]) => name)
    })
    expect(small).toEqual([])
    await p.page.keyboard.press('Tab')
    let outline = await p.page.evaluate(() => {
      let a = document.getElementById('cookiegate')!.shadowRoot!.activeElement!
      let s = getComputedStyle(a)
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) }
    })
    expect(outline.style).toBe('solid')
    expect(outline.width).toBeGreaterThanOrEqual(2)
    p.assertClean()
  })
})
