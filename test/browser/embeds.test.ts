/** Embeds with contextual consent in Chromium: a loopback "video host" serves the embedded page. */
import { createRequire } from 'node:module'
import { describe, expect, test } from 'vitest'
import { html, partPath, settled, storedChoice, useHarness, waitFor, type TestPage } from './harness'

const harness = useHarness()
const CONFIG = { categories: { essential: { required: true }, analytics: {}, marketing: {} } }
const video = (n: number, extra = '') =>
  `<iframe data-category="marketing" data-src="${harness().analytics}/frame.html?video=${n}" width="560" height="315" ${extra}></iframe>`
const page = (body: string) =>
  harness().page(
    html(body + '<footer><a href="#" data-cookie-settings>Cookie Settings</a></footer>', {
      head: `<script type="application/json" id="cookiegate-config">${JSON.stringify(CONFIG)}</script>`
    })
  )
const placeholders = (p: TestPage) => p.page.getByRole('group')
const frames = (p: TestPage) => p.requests('/frame.html').length

describe('embed placeholders (Chromium)', () => {
  test('a blocked embed shows what it is and what it needs, and makes no request', async () => {
    let p = await page(video(1, 'data-title="Product tour"') + video(2))
    await p.page.getByRole('button', { name: 'Reject all' }).click()
    await p.reload()
    let tour = p.page.getByRole('group', { name: 'Product tour' })
    await tour.waitFor({ state: 'visible' })
    expect(await tour.textContent()).toContain('analytics.test')
    expect(await tour.textContent()).toContain('Marketing')
    expect(await tour.getByRole('button', { name: 'Load this once' }).isVisible()).toBe(true)
    expect(await tour.getByRole('button', { name: 'Always allow Marketing' }).isVisible()).toBe(true)
    // Without a title the host names it; the box keeps the embed's size.
    let other = p.page.getByRole('group', { name: 'analytics.test' })
    expect((await other.boundingBox())?.width).toBe(560)
    expect(Math.round((await other.boundingBox())!.height)).toBe(315)
    await settled(p)
    expect(p.requests()).toEqual([])
    expect(await p.page.locator('iframe[src]').count()).toBe(0)
    // A returning visitor who refused gets placeholders without the banner's UI file.
    expect(await p.page.evaluate((ui) => performance.getEntriesByType('resource').some((r) => new URL(r.name).pathname === ui), partPath('ui'))).toBe(false)
    p.assertClean()
  })

  test('the placeholder speaks the page language, right to left where it is written so', async () => {
    for (let [lang, once, always, dir] of [
      ['de', 'Einmal laden', 'Marketing immer erlauben', 'ltr'],
      ['ar', 'تحميل هذه المرة فقط', 'السماح دائمًا بـ«Marketing»', 'rtl']
    ]) {
      let p = await harness().page(
        html(video(1, 'data-title="Tour"'), {
          head: `<script type="application/json" id="cookiegate-config">${JSON.stringify(CONFIG)}</script>`
        }).replace('<html lang="en">', `<html lang="${lang}">`)
      )
      await p.page.evaluate(() => (window as any).Cookiegate.rejectAll())
      let tour = p.page.getByRole('group', { name: 'Tour' })
      await tour.waitFor({ state: 'visible' })
      expect(await tour.getByRole('button', { name: once, exact: true }).isVisible()).toBe(true)
      expect(await tour.getByRole('button', { name: always, exact: true }).isVisible()).toBe(true)
      expect(await tour.evaluate((el) => [(el as HTMLElement).lang, getComputedStyle(el).direction])).toEqual([lang, dir])
      p.assertClean()
    }
  })

  test('Load this once loads that embed only and stores nothing', async () => {
    let p = await page(video(1) + video(2))
    await p.page.getByRole('button', { name: 'Reject all' }).click()
    await placeholders(p).first().getByRole('button', { name: 'Load this once' }).click()
    await waitFor(async () => frames(p), (n) => n === 1)
    expect(p.requests('/frame.html').map((r) => r.url)).toEqual(['/frame.html?video=1'])
    expect(await placeholders(p).count()).toBe(1)
    expect(await p.page.frameLocator('iframe[src$="video=1"]').getByText('embedded').isVisible()).toBe(true)
    expect((await storedChoice(p))?.value.categories.marketing).toBe(false)
    await p.reload()
    await placeholders(p).first().waitFor({ state: 'visible' })
    expect(await placeholders(p).count()).toBe(2)
    p.assertClean()
  })

  test('Always allow stores the category as a custom choice and loads every embed of it', async () => {
    let p = await page(video(1) + video(2))
    await p.page.getByRole('button', { name: 'Accept all' }).waitFor()
    // Nothing decided yet: the placeholder is a way to decide for this category alone.
    await placeholders(p).first().getByRole('button', { name: 'Always allow Marketing' }).click()
    await waitFor(async () => frames(p), (n) => n === 2)
    expect(await placeholders(p).count()).toBe(0)
    expect((await storedChoice(p))?.value).toMatchObject({ categories: { essential: true, analytics: false, marketing: true }, method: 'custom' })
    await p.reload()
    await waitFor(async () => frames(p), (n) => n === 4)
    expect(await placeholders(p).count()).toBe(0)
    p.assertClean()
  })

  test('withdrawing the category unloads a playing embed and puts its placeholder back; allowing it again reloads it', async () => {
    let p = await page(video(1, 'data-title="Tour" allow="autoplay"'))
    await p.page.getByRole('button', { name: 'Accept all' }).click()
    await p.page.frameLocator('iframe[src$="video=1"]').getByText('embedded').waitFor()
    let embedded = () => p.page.frames().filter((f) => f.url().includes('/frame.html')).length
    expect(embedded()).toBe(1)

    await p.page.evaluate(() => (window as any).Cookiegate.save({ analytics: true, marketing: false }))
    let tour = p.page.getByRole('group', { name: 'Tour' })
    await tour.waitFor({ state: 'visible' })
    // The embedded page is gone, not merely hidden; the element keeps what the site wrote on it.
    expect(await waitFor(async () => embedded(), (n) => n === 0)).toBe(0)
    expect(await p.page.locator('iframe').evaluateAll((els) => els.map((el) => [el.getAttribute('src'), el.getAttribute('allow'), (el as HTMLElement).hidden]))).toEqual([
      [null, 'autoplay', true]
    ])
    expect(frames(p)).toBe(1)

    await tour.getByRole('button', { name: 'Always allow Marketing' }).click()
    await p.page.frameLocator('iframe[src$="video=1"]').getByText('embedded').waitFor()
    expect(frames(p)).toBe(2)
    expect(await placeholders(p).count()).toBe(0)
    p.assertClean()
  })

  test('on a 320 px phone the placeholder grows to hold its texts and buttons, and covers nothing after it', async () => {
    for (let lang of ['de', 'ar']) {
      let p = await harness().page(
        html(video(1, 'data-title="Tour"') + '<footer><a href="#" data-cookie-settings>Cookie Settings</a></footer>', {
          head: `<meta name="viewport" content="width=device-width, initial-scale=1"><script type="application/json" id="cookiegate-config">${JSON.stringify(CONFIG)}</script>`
        }).replace('<html lang="en">', `<html lang="${lang}">`),
        { context: { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' } }
      )
      await p.page.evaluate(() => (window as any).Cookiegate.rejectAll())
      await p.page.getByRole('group', { name: 'Tour' }).waitFor({ state: 'visible' })
      let layout = await p.page.evaluate(() => {
        let box = document.querySelector('.cg-embed')!
        let outer = box.getBoundingClientRect()
        let link = document.querySelector('footer a')!
        let r = link.getBoundingClientRect()
        link.scrollIntoView({ block: 'center' })
        let l = link.getBoundingClientRect()
        let hit = document.elementFromPoint(l.left + l.width / 2, l.top + l.height / 2)
        return {
          outside: [...box.querySelectorAll('p, button')]
            .map((el) => [el.textContent, el.getBoundingClientRect()] as const)
            .filter(([, c]) => c.top < outer.top - 0.5 || c.bottom > outer.bottom + 0.5 || c.left < outer.left - 0.5 || c.right > outer.right + 0.5)
            .map(([text]) => text),
          linkBelow: r.top >= outer.bottom - 0.5,
          linkHit: hit === link || link.contains(hit),
          width: Math.round(outer.width)
        }
      })
      expect(layout).toEqual({ outside: [], linkBelow: true, linkHit: true, width: 304 })
      p.assertClean()
    }
  })

  test('an embed taken off the page (an SPA route) takes its placeholder along', async () => {
    let p = await page(video(1, 'data-title="Tour"') + video(2, 'data-title="Demo"'))
    await p.page.getByRole('button', { name: 'Reject all' }).click()
    await p.page.getByRole('group', { name: 'Tour' }).waitFor({ state: 'visible' })
    expect(await placeholders(p).count()).toBe(2)
    await p.page.evaluate(() => document.querySelector('iframe[data-title="Tour"]')!.remove())
    await p.page.getByRole('group', { name: 'Tour' }).waitFor({ state: 'detached' })
    expect(await placeholders(p).count()).toBe(1)
    // Put back, it is blocked again.
    await p.page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<iframe data-category="marketing" data-src="/x" data-title="Tour"></iframe>'))
    await p.page.getByRole('group', { name: 'Tour' }).waitFor({ state: 'visible' })
    expect(await placeholders(p).count()).toBe(2)
    p.assertClean()
  })

  test('embeds added after start-up get a placeholder too, and work from the keyboard', async () => {
    let p = await page('<div id="route"></div>')
    await p.page.getByRole('button', { name: 'Reject all' }).click()
    await p.page.evaluate((markup) => {
      document.getElementById('route')!.innerHTML = markup
    }, video(3, 'title="Launch video"'))
    let box = p.page.getByRole('group', { name: 'Launch video' })
    await box.waitFor({ state: 'visible' })
    await box.getByRole('button', { name: 'Load this once' }).focus()
    await p.page.keyboard.press('Enter')
    await waitFor(async () => frames(p), (n) => n === 1)
    expect(await p.page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME')
    p.assertClean()
  })

  test('the placeholder passes an axe WCAG 2.2 AA audit in light and dark', async () => {
    for (let colorScheme of ['light', 'dark'] as const) {
      let p = await harness().page(
        html(video(1, 'title="Product tour"'), {
          head: `<script type="application/json" id="cookiegate-config">${JSON.stringify({ ...CONFIG, ui: false })}</script>`
        }),
        { context: { colorScheme } }
      )
      await p.page.getByRole('group', { name: 'Product tour' }).waitFor()
      await p.page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') })
      let violations = await p.page.evaluate(async () => {
        let result = await (window as any).axe.run('.cg-embed', { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] })
        return result.violations.map((v: any) => v.id)
      })
      expect(violations).toEqual([])
      p.assertClean()
    }
  })

  // The leak found from outside: with analytics split into two services and PostHog refused,
  // "Always allow Marketing" on a video re-allowed PostHog. Driven through the real banner,
  // preferences and placeholder.
  test('Always allow on a video allows marketing only: a refused analytics service stays refused, also after a reload', async () => {
    let config = {
      categories: {
        essential: { required: true },
        analytics: { services: { posthog: { label: 'PostHog' }, plausible: { label: 'Plausible' } } },
        marketing: {}
      }
    }
    let tag = (service: string) =>
      `<script type="text/plain" data-category="analytics" data-service="${service}">(window.ran ||= []).push('${service}')</script>`
    let p = await harness().page(
      html(tag('posthog') + tag('plausible') + video(1, 'title="Tour"'), {
        head: `<script type="application/json" id="cookiegate-config">${JSON.stringify(config)}</script>`
      })
    )
    await p.page.getByRole('button', { name: 'Customise' }).click()
    let dialog = p.page.getByRole('dialog', { name: 'Cookie settings' })
    await dialog.getByRole('switch', { name: 'Plausible' }).check()
    await dialog.getByRole('button', { name: 'Save choices' }).click()
    await dialog.waitFor({ state: 'hidden' })
    let state = () => p.page.evaluate(() => (window as any).Cookiegate.consent.get().services)
    expect(await state()).toEqual({ posthog: false, plausible: true })
    await p.page.getByRole('group', { name: 'Tour' }).getByRole('button', { name: 'Always allow Marketing' }).click()
    await waitFor(async () => frames(p), (n) => n === 1)
    expect(await p.page.evaluate(() => (window as any).Cookiegate.allowed('marketing'))).toBe(true)
    expect(await state()).toEqual({ posthog: false, plausible: true })
    expect(await p.page.evaluate(() => (window as any).ran)).toEqual(['plausible'])
    expect((await storedChoice(p))?.value.services).toEqual({ posthog: false, plausible: true })
    await p.reload()
    expect(await state()).toEqual({ posthog: false, plausible: true })
    expect(await p.page.evaluate(() => (window as any).ran)).toEqual(['plausible'])
    p.assertClean()
  })
})
