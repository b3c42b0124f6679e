/**
 * The script-tag consent flow in real Chromium: banner, gating, stored choice, the
 * Cookie Settings link, withdrawal, fail-closed config, GPC and late (SPA) markup.
 */
import { beforeEach, describe, expect, test } from 'vitest'
import { banner, dialog, FOOTER, html, settled, storedChoice, useHarness, waitFor, type Harness, type TestPage } from './harness'

const harness = useHarness()
let h: Harness
beforeEach(() => {
  h = harness()
})


const gatedScript = (query = '') =>
  `<script type="text/plain" data-category="analytics" src="${h.analytics}/analytics.js${query}"></script>`

const runs = (p: TestPage) => p.page.evaluate(() => (window as any).__analyticsRuns ?? 0)


describe('consent flow (script tag, Chromium)', () => {
  test('makes no request to the analytics host before a choice and shows the banner', async () => {
    let p = await h.page(html(gatedScript() + FOOTER))
    await settled(p)
    expect(p.requests()).toHaveLength(0)
    expect(await runs(p)).toBe(0)
    await banner(p).waitFor({ state: 'visible' })
    expect(await banner(p).isVisible()).toBe(true)
    for (let name of ['Accept all', 'Reject all', 'Customise']) {
      expect(await banner(p).getByRole('button', { name, exact: true }).isVisible()).toBe(true)
    }
    p.assertClean()
  })

  test('Accept all runs gated external and inline scripts exactly once, in document order', async () => {
    let p = await h.page(
      html(
        // The external script answers late: the inline one after it must still wait for it.
        gatedScript('?delay=300') +
          `<script type="text/plain" data-category="analytics">
            window.__inlineRuns = (window.__inlineRuns || 0) + 1;
            (window.__order = window.__order || []).push('inline:' + window.__analyticsValue);
          </script>` +
          FOOTER
      )
    )
    await banner(p).getByRole('button', { name: 'Accept all' }).click()
    await p.page.waitForFunction(() => (window as any).__inlineRuns === 1)
    await settled(p)
    expect(await runs(p)).toBe(1)
    expect(await p.page.evaluate(() => (window as any).__inlineRuns)).toBe(1)
    expect(await p.page.evaluate(() => (window as any).__order)).toEqual(['external', 'inline:set-by-analytics'])
    expect(p.requests('/analytics.js')).toHaveLength(1)
    expect(await banner(p).count()).toBe(0)
    p.assertClean()
  })

  test('Accept all fetches consecutive gated external scripts side by side and still runs them in document order', async () => {
    // Each answers with a line that records its name; the first answers 1.5 s late.
    h.route('/tag.js', (req, res) => {
      let name = new URL(req.url || '/', 'http://x').searchParams.get('n')
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' })
      res.end(`(window.__order = window.__order || []).push(${JSON.stringify(name)})`)
    })
    let tag = (query: string, attributes = '') =>
      `<script type="text/plain" data-category="analytics" ${attributes} src="${h.analytics}/tag.js?${query}"></script>`
    // A module tag first: it keeps its place among the classic ones too.
    let p = await h.page(
      html(
        tag('n=first&delay=1500', 'data-type="module" crossorigin="anonymous"') +
          tag('n=second') +
          `<script type="text/plain" data-category="analytics">window.__order.push('inline')</script>` +
          FOOTER
      )
    )
    await banner(p).getByRole('button', { name: 'Accept all' }).click()
    await p.page.waitForFunction(() => (window as any).__order?.length === 3, undefined, { timeout: 10000 })
    expect(await p.page.evaluate(() => (window as any).__order)).toEqual(['first', 'second', 'inline'])
    let [first, second] = p.requests('/tag.js')
    expect(first!.url).toContain('n=first')
    // One after the other, the second would be asked for only once the first had answered (1.5 s).
    expect(second!.time - first!.time).toBeLessThan(1000)
    p.assertClean()
  })

  test('Accept all stores the choice in a SameSite=Lax cookie for about 182 days', async () => {
    let p = await h.page(html(FOOTER))
    let before = Date.now()
    await banner(p).getByRole('button', { name: 'Accept all' }).click()
    let stored = await waitFor(() => storedChoice(p), (v) => !!v)
    expect(stored).toBeDefined()
    let { cookie, value } = stored!
    // URI-encoded JSON: nothing a cookie-octet forbids (quotes, commas, semicolons, spaces) is left raw.
    expect(cookie.value).not.toMatch(/[",;\\\s]/)
    expect(cookie.value).toContain('%22')
    expect(value).toEqual({
      v: 1,
      revision: 0,
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i),
      given: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      updated: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      categories: { essential: true, analytics: true },
      method: 'accept-all'
    })
    expect(Math.abs(Date.parse(value.given) - before)).toBeLessThan(60_000)
    expect(value.updated).toBe(value.given)
    expect(cookie.sameSite).toBe('Lax')
    expect(cookie.path).toBe('/')
    expect(cookie.domain).toBe('www.shop.test')
    expect(cookie.secure).toBe(false)
    let days = (cookie.expires * 1000 - Date.now()) / 864e5
    expect(days).toBeGreaterThan(181)
    expect(days).toBeLessThan(183)
    // The page API agrees with the cookie.
    let state = await p.page.evaluate(() => (window as any).Cookiegate.consent.get())
    expect(state).toMatchObject({ decided: true, id: value.id, method: 'accept-all', categories: { essential: true, analytics: true } })
    p.assertClean()
  })

  test('Reject all makes no request, hides the banner, and stays decided after a reload', async () => {
    let p = await h.page(html(gatedScript() + FOOTER))
    await banner(p).getByRole('button', { name: 'Reject all' }).click()
    await banner(p).waitFor({ state: 'detached' })
    let stored = await waitFor(() => storedChoice(p), (v) => !!v)
    expect(stored?.value).toMatchObject({ categories: { essential: true, analytics: false }, method: 'reject-all' })
    await p.reload()
    await settled(p)
    expect(await banner(p).count()).toBe(0)
    expect(await p.page.locator('.cg-banner').count()).toBe(0)
    expect(p.requests()).toHaveLength(0)
    expect(await runs(p)).toBe(0)
    p.assertClean()
  })

  test('after a reload once accepted, no banner and the gated script runs once on the new page view', async () => {
    let p = await h.page(html(gatedScript() + FOOTER))
    await banner(p).getByRole('button', { name: 'Accept all' }).click()
    await p.page.waitForFunction(() => (window as any).__analyticsRuns === 1)
    await p.reload()
    await p.page.waitForFunction(() => (window as any).__analyticsRuns === 1)
    await settled(p)
    expect(await runs(p)).toBe(1)
    expect(await banner(p).count()).toBe(0)
    expect(await p.page.locator('.cg-banner').count()).toBe(0)
    // One request per page view.
    expect(p.requests('/analytics.js')).toHaveLength(2)
    p.assertClean()
  })

  test('the Cookie Settings link opens the preferences by mouse click; Esc closes them and focus returns to the link', async () => {
    let p = await h.page(html(FOOTER))
    let link = p.page.getByRole('link', { name: 'Cookie Settings' })
    await link.click()
    await dialog(p).waitFor({ state: 'visible' })
    // href="#" must not navigate.
    expect(p.page.url()).toBe(p.url)
    expect(await p.page.evaluate(() => !!document.getElementById('cookiegate')?.shadowRoot?.activeElement?.closest('dialog'))).toBe(true)
    await p.page.keyboard.press('Escape')
    await dialog(p).waitFor({ state: 'detached' })
    expect.soft(await p.page.evaluate(() => document.activeElement?.hasAttribute('data-cookie-settings')), 'focus returns to the link after Esc').toBe(true)
    p.assertClean()
  })

  test('the Cookie Settings link opens the preferences by keyboard only (Tab, Enter); Esc returns focus to it', async () => {
    let p = await h.page(html(FOOTER))
    let onLink = () => p.page.evaluate(() => !!document.activeElement?.hasAttribute('data-cookie-settings'))
    for (let i = 0; i < 10 && !(await onLink()); i++) await p.page.keyboard.press('Tab')
    expect(await onLink()).toBe(true)
    await p.page.keyboard.press('Enter')
    await dialog(p).waitFor({ state: 'visible' })
    await p.page.keyboard.press('Escape')
    await dialog(p).waitFor({ state: 'detached' })
    expect.soft(await waitFor(onLink, (v) => v, 1000), 'focus returns to the link after Esc').toBe(true)

    // Focused from script, then Enter: works again.
    await p.page.evaluate(() => (document.querySelector('[data-cookie-settings]') as HTMLElement).focus())
    await p.page.keyboard.press('Enter')
    await dialog(p).waitFor({ state: 'visible' })
    await p.page.keyboard.press('Escape')
    await dialog(p).waitFor({ state: 'detached' })
    expect(await waitFor(onLink, (v) => v, 1000), 'focus returns to the link after Esc').toBe(true)
    p.assertClean()
  })

  test('Tab and Shift+Tab keep focus inside the preferences dialog', async () => {
    let p = await h.page(html(FOOTER))
    await p.page.getByRole('link', { name: 'Cookie Settings' }).click()
    await dialog(p).waitFor({ state: 'visible' })
    let inDialog = () =>
      p.page.evaluate(() => {
        // The UI lives in a shadow root: document.activeElement stops at its host.
        let active = document.getElementById('cookiegate')?.shadowRoot?.activeElement
        return !!active && !!active.closest('dialog.cg-modal, [role="dialog"]')
      })
    let focused = new Set<string>()
    for (let i = 0; i < 15; i++) {
      await p.page.keyboard.press('Tab')
      expect(await inDialog()).toBe(true)
      focused.add(await p.page.evaluate(() => document.getElementById('cookiegate')!.shadowRoot!.activeElement!.outerHTML.slice(0, 80)))
    }
    // The close button, the Analytics switch and the three actions at least; and it wrapped round.
    expect(focused.size).toBeGreaterThanOrEqual(5)
    for (let i = 0; i < 15; i++) {
      await p.page.keyboard.press('Shift+Tab')
      expect(await inDialog()).toBe(true)
    }
    p.assertClean()
  })

  test('a settings link added to the DOM after start-up opens the preferences', async () => {
    let p = await h.page(html(''))
    await p.page.evaluate(() => {
      let button = document.createElement('button')
      button.type = 'button'
      button.setAttribute('data-cookie-settings', '')
      button.textContent = 'Privacy choices'
      let link = document.createElement('a')
      link.href = '#'
      link.setAttribute('data-cookie-settings', '')
      link.innerHTML = '<span>Late cookie link</span>'
      document.body.append(button, link)
    })
    await p.page.getByRole('button', { name: 'Privacy choices' }).click()
    await dialog(p).waitFor({ state: 'visible' })
    await p.page.keyboard.press('Escape')
    await dialog(p).waitFor({ state: 'detached' })
    // A click on a child of the link counts too.
    await p.page.getByText('Late cookie link').click()
    await dialog(p).waitFor({ state: 'visible' })
    expect(p.page.url()).toBe(p.url)
    p.assertClean()
  })

  test('withdrawn while a gated tag downloads: the inline tag after it never runs, and what the late tag set is deleted', async () => {
    let p = await h.page(
      html(gatedScript('?delay=1500') + `<script type="text/plain" data-category="analytics">window.__inlineRuns = (window.__inlineRuns || 0) + 1</script>` + FOOTER)
    )
    await banner(p).getByRole('button', { name: 'Accept all' }).click()
    // The visitor refuses before the analytics host has answered.
    await p.page.evaluate(() => (window as any).Cookiegate.rejectAll())
    // Its request was made while allowed, and an inserted script cannot be recalled: it runs when it arrives.
    await p.page.waitForFunction(() => (window as any).__analyticsRuns === 1, undefined, { timeout: 10000 })
    await settled(p)
    expect(await p.page.evaluate(() => (window as any).__inlineRuns ?? 0)).toBe(0)
    let names = (await p.context.cookies()).map((c) => c.name)
    expect(names.filter((n) => n === '_ga' || n.startsWith('ph_'))).toEqual([])
    expect(await p.page.evaluate(() => localStorage.getItem('ph_test_key'))).toBeNull()
    expect(await p.page.evaluate(() => (window as any).Cookiegate.allowed('analytics'))).toBe(false)
    p.assertClean()
  })

  test('withdrawing analytics deletes its parent-domain cookies and storage and stores method "custom"', async () => {
    let p = await h.page(html(gatedScript() + FOOTER))
    await banner(p).getByRole('button', { name: 'Accept all' }).click()
    await p.page.waitForFunction(() => (window as any).__analyticsRuns === 1)
    let names = async () => (await p.context.cookies()).map((c) => `${c.name}@${c.domain}`)
    let set = await names()
    expect(set).toContain('_ga@.shop.test')
    expect(set).toContain('ph_test_posthog@.shop.test')
    expect(await p.page.evaluate(() => localStorage.getItem('ph_test_key'))).toBe('1')

    await p.page.getByRole('link', { name: 'Cookie Settings' }).click()
    await dialog(p).waitFor({ state: 'visible' })
    let analytics = dialog(p).getByRole('switch', { name: 'Analytics' })
    expect(await analytics.isChecked()).toBe(true)
    await analytics.uncheck()
    expect(await analytics.isChecked()).toBe(false)
    await dialog(p).getByRole('button', { name: 'Save choices' }).click()
    await dialog(p).waitFor({ state: 'detached' })

    let after = await waitFor(names, (list) => !list.some((n) => n.startsWith('_ga@') || n.startsWith('ph_test_posthog@')))
    expect(after.filter((n) => n.startsWith('_ga@') || n.startsWith('ph_'))).toEqual([])
    expect(await p.page.evaluate(() => localStorage.getItem('ph_test_key'))).toBeNull()
    let stored = await storedChoice(p)
    expect(stored?.value).toMatchObject({ categories: { essential: true, analytics: false }, method: 'custom' })
    expect(await p.page.evaluate(() => (window as any).Cookiegate.allowed('analytics'))).toBe(false)
    p.assertClean()
  })

  test('an invalid config fails closed: one console.error naming the field, no banner, nothing gated ever runs', async () => {
    let config = '<script type="application/json" id="cookiegate-config">{ "categories": { "analytics": { "cookeis": [] } } }</script>'
    let p = await h.page(
      html(gatedScript() + '<script type="text/plain" data-category="analytics">window.__inlineRuns = 1</script>' + FOOTER, {
        head: config
      })
    )
    await waitFor(() => p.consoleErrors, (errors) => errors.length > 0)
    expect(p.consoleErrors).toHaveLength(1)
    expect(p.consoleErrors[0]).toContain('categories.analytics.cookeis')
    expect(await p.page.locator('.cg-banner').count()).toBe(0)
    expect(await banner(p).count()).toBe(0)
    await p.page.evaluate(() => {
      let cg = (window as any).Cookiegate
      cg.acceptAll()
      cg.save({ analytics: true })
    })
    await settled(p)
    expect(p.requests()).toHaveLength(0)
    expect(await runs(p)).toBe(0)
    expect(await p.page.evaluate(() => (window as any).__inlineRuns)).toBeUndefined()
    expect(await p.page.evaluate(() => (window as any).Cookiegate.allowed('analytics'))).toBe(false)
    expect(await storedChoice(p)).toBeUndefined()
    expect(p.pageErrors).toEqual([])
    expect(p.consoleErrors).toHaveLength(1)
  })

  test('bad JSON in the config element fails closed: console.error, no banner, no request', async () => {
    let config = '<script type="application/json" id="cookiegate-config">{ "categories": { "analytics": {} }, }</script>'
    let p = await h.page(html(gatedScript() + FOOTER, { head: config }))
    await waitFor(() => p.consoleErrors, (errors) => errors.length > 0)
    expect(p.consoleErrors).toHaveLength(1)
    expect(p.consoleErrors[0]).toMatch(/cookiegate-config|JSON/i)
    expect(await p.page.locator('.cg-banner').count()).toBe(0)
    await p.page.evaluate(() => (window as any).Cookiegate.acceptAll())
    await settled(p)
    expect(p.requests()).toHaveLength(0)
    expect(await runs(p)).toBe(0)
    expect(p.pageErrors).toEqual([])
  })

  test('Global Privacy Control refuses analytics silently: no banner, no request, method "gpc", nothing stored', async () => {
    let init = `Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true })`
    let p = await h.page(html(gatedScript() + FOOTER), { init })
    expect(await p.page.evaluate(() => (navigator as any).globalPrivacyControl)).toBe(true)
    await settled(p)
    expect(await p.page.locator('.cg-banner').count()).toBe(0)
    expect(await banner(p).count()).toBe(0)
    expect(p.requests()).toHaveLength(0)
    let state = await p.page.evaluate(() => (window as any).Cookiegate.consent.get())
    expect(state.method).toBe('gpc')
    expect(state.categories).toEqual({ essential: true, analytics: false })
    expect(await storedChoice(p)).toBeUndefined()
    expect(await p.page.evaluate(() => document.cookie.includes('cookiegate='))).toBe(false)

    await p.page.getByRole('link', { name: 'Cookie Settings' }).click()
    await dialog(p).waitFor({ state: 'visible' })
    expect(await dialog(p).getByRole('switch', { name: 'Analytics' }).isChecked()).toBe(false)
    expect(await dialog(p).getByRole('switch', { name: 'Essential' }).isChecked()).toBe(true)
    await p.page.keyboard.press('Escape')
    await dialog(p).waitFor({ state: 'detached' })
    expect(await storedChoice(p)).toBeUndefined()
    expect(p.requests()).toHaveLength(0)
    p.assertClean()
  })

  test('the script included twice gives one banner and one instance', async () => {
    let twice = '<script src="/cookiegate.js" defer></script><script src="/cookiegate.js" defer></script>'
    let p = await h.page(html(gatedScript() + FOOTER, { script: twice }))
    await banner(p).waitFor({ state: 'visible' })
    await settled(p)
    expect(await p.page.locator('.cg-banner').count()).toBe(1)
    expect(await banner(p).count()).toBe(1)
    expect(await p.page.locator('#cookiegate').count()).toBe(1)
    let sheets = await p.page.evaluate(() => document.adoptedStyleSheets.length + document.querySelectorAll('style').length)
    expect(sheets).toBe(1)
    await banner(p).getByRole('button', { name: 'Accept all' }).click()
    await p.page.waitForFunction(() => (window as any).__analyticsRuns === 1)
    await settled(p)
    expect(await runs(p)).toBe(1)
    expect(p.requests('/analytics.js')).toHaveLength(1)
    await p.page.getByRole('link', { name: 'Cookie Settings' }).click()
    await dialog(p).waitFor({ state: 'visible' })
    expect(await p.page.getByRole('dialog').count()).toBe(1)
    p.assertClean()
  })

  test('gated img and iframe get their src only after Accept all', async () => {
    let p = await h.page(
      html(
        `<img alt="" width="1" height="1" data-category="analytics" data-src="${h.analytics}/pixel.gif">
         <iframe title="embed" data-category="analytics" data-src="${h.analytics}/frame.html"></iframe>` + FOOTER
      )
    )
    await settled(p)
    expect(p.requests()).toHaveLength(0)
    expect(await p.page.locator('img[data-category]').getAttribute('src')).toBeNull()
    expect(await p.page.locator('iframe[data-category]').getAttribute('src')).toBeNull()

    await banner(p).getByRole('button', { name: 'Accept all' }).click()
    await waitFor(async () => p.requests().length, (n) => n >= 2)
    expect(await p.page.locator('img[data-category]').getAttribute('src')).toBe(`${h.analytics}/pixel.gif`)
    expect(await p.page.locator('iframe[data-category]').getAttribute('src')).toBe(`${h.analytics}/frame.html`)
    expect(p.requests('/pixel.gif')).toHaveLength(1)
    expect(p.requests('/frame.html')).toHaveLength(1)
    await p.page.waitForFunction(() => (document.querySelector('img[data-category]') as HTMLImageElement).naturalWidth === 1)
    p.assertClean()
  })

  test('gated scripts added after start-up wait for consent, run on accept, and run at once when added after it', async () => {
    let p = await h.page(html(FOOTER))
    // A simulated SPA route renders gated tags before any choice.
    await p.page.evaluate((analytics) => {
      let route = document.createElement('section')
      route.innerHTML = `<script type="text/plain" data-category="analytics">window.__spaInline = (window.__spaInline || 0) + 1</script>`
      let external = document.createElement('script')
      external.type = 'text/plain'
      external.setAttribute('data-category', 'analytics')
      external.src = analytics + '/analytics.js'
      route.append(external)
      document.querySelector('main')!.append(route)
    }, h.analytics)
    await settled(p)
    expect(await p.page.evaluate(() => (window as any).__spaInline)).toBeUndefined()
    expect(p.requests()).toHaveLength(0)

    await banner(p).getByRole('button', { name: 'Accept all' }).click()
    await p.page.waitForFunction(() => (window as any).__spaInline === 1 && (window as any).__analyticsRuns === 1)

    // Another route after consent: runs at once, and only once.
    await p.page.evaluate(() => {
      let late = document.createElement('script')
      late.type = 'text/plain'
      late.setAttribute('data-category', 'analytics')
      late.text = 'window.__spaLate = (window.__spaLate || 0) + 1'
      document.querySelector('main')!.append(late)
    })
    await p.page.waitForFunction(() => (window as any).__spaLate === 1)
    await settled(p)
    expect(await p.page.evaluate(() => [(window as any).__spaInline, (window as any).__spaLate, (window as any).__analyticsRuns])).toEqual([1, 1, 1])
    expect(p.requests('/analytics.js')).toHaveLength(1)
    p.assertClean()
  })
})
