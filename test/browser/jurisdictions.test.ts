/**
 * Jurisdictions in real Chromium: an opt-out region (US-CA) runs the gated tag without a banner
 * and refuses it from the "Your Privacy Choices" link; GPC there runs nothing; an opt-in region
 * (DE) and a page without a region are as strict as ever.
 */
import { beforeEach, describe, expect, test } from 'vitest'
import { html, sleep, useHarness, waitFor, type Harness, type TestPage } from './harness'

const harness = useHarness()
let h: Harness
beforeEach(() => {
  h = harness()
})

const JURISDICTIONS = { US: 'opt-out', 'US-CA': 'opt-out' }
const FOOTER = '<footer><a href="#" data-cookie-settings>Your Privacy Choices</a></footer>'
const GPC = `Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true })`
const configured = (config: object) => `<script type="application/json" id="cookiegate-config">${JSON.stringify(config)}</script>`
const gated = () => `<script type="text/plain" data-category="analytics" src="${h.analytics}/analytics.js"></script>`
const runs = (p: TestPage) => p.page.evaluate(() => (window as any).__analyticsRuns ?? 0)
const banner = (p: TestPage) => p.page.getByRole('region', { name: 'Cookies on this site' })
const GCM = { googleConsentMode: { analytics_storage: 'analytics' } }
/** The Consent Mode default the page wrote, as `{ type: 'granted' | 'denied' }`. */
const gcmDefault = (p: TestPage) =>
  p.page.evaluate(() => {
    let entry = ((window as any).dataLayer || []).find((e: ArrayLike<unknown>) => e[0] === 'consent' && e[1] === 'default')
    return entry && { analytics: entry[2].analytics_storage, ad: entry[2].ad_storage }
  })
const cookieNames = async (p: TestPage) => (await p.context.cookies()).map((c) => c.name).sort()

/** Opens the page, logging every request for Cookiegate's UI files. */
async function open(config: object, init?: string) {
  let ui: string[] = []
  let p = await h.page(html(gated() + FOOTER, { head: configured(config) }), {
    init,
    setup: (page) => page.on('request', (r) => /cookiegate-(ui|preferences)/.test(r.url()) && ui.push(r.url()))
  })
  return { p, ui }
}

describe('jurisdictions (script tag, Chromium)', () => {
  test('US-CA: the gated tag runs with no click and no banner; the footer link refuses it for good', async () => {
    let { p, ui } = await open({ region: 'US-CA', jurisdictions: JURISDICTIONS, integrations: GCM })
    await waitFor(() => runs(p), (n) => n === 1)
    // Granted by default for what is configured (analytics); there is no marketing category.
    expect(await gcmDefault(p)).toEqual({ analytics: 'granted', ad: 'denied' })
    await sleep(500)
    expect(await runs(p)).toBe(1)
    expect(p.requests('/analytics.js')).toHaveLength(1)
    expect(await banner(p).count()).toBe(0)
    // No banner, so the UI is not even downloaded until the visitor asks for it.
    expect(ui).toEqual([])
    let state = await p.page.evaluate(() => (window as any).Cookiegate.consent.get())
    expect([state.decided, state.method, state.categories.analytics]).toEqual([false, 'opt-out', true])
    expect(await cookieNames(p)).toEqual(['_ga', 'ph_test_posthog'])

    await p.page.getByRole('link', { name: 'Your Privacy Choices' }).click()
    let dialog = p.page.getByRole('dialog', { name: 'Your Privacy Choices' })
    await dialog.waitFor({ state: 'visible' })
    expect(await dialog.getByText('unless you opt out').isVisible()).toBe(true)
    expect(await dialog.getByRole('button', { name: 'Do not sell or share my personal information' }).isVisible()).toBe(true)
    let analytics = dialog.getByRole('switch', { name: 'Analytics' })
    expect(await analytics.isChecked()).toBe(true)
    await analytics.click()
    await dialog.getByRole('button', { name: 'Save choices' }).click()
    await dialog.waitFor({ state: 'detached' })

    // Withdrawn: the tag's cookies and storage are erased and the refusal is stored.
    let names = await waitFor(() => cookieNames(p), (list) => !list.includes('_ga'))
    expect(names).toEqual(['cookiegate'])
    expect(await p.page.evaluate(() => localStorage.getItem('ph_test_key'))).toBeNull()
    let stored = JSON.parse(decodeURIComponent((await p.context.cookies()).find((c) => c.name === 'cookiegate')!.value))
    expect([stored.method, stored.categories.analytics]).toEqual(['custom', false])

    await p.reload()
    await sleep(800)
    expect(await runs(p)).toBe(0)
    // A stored refusal: the default is denied again, and so is the update.
    expect(await gcmDefault(p)).toEqual({ analytics: 'denied', ad: 'denied' })
    expect(p.requests('/analytics.js')).toHaveLength(1)
    expect(await banner(p).count()).toBe(0)
    expect(await cookieNames(p)).toEqual(['cookiegate'])
    p.assertClean()
  })

  test('US-CA with Global Privacy Control runs nothing and shows no banner', async () => {
    let { p, ui } = await open({ region: 'US-CA', jurisdictions: JURISDICTIONS, integrations: GCM }, GPC)
    await sleep(1000)
    expect(await gcmDefault(p)).toEqual({ analytics: 'denied', ad: 'denied' })
    expect(p.requests()).toHaveLength(0)
    expect(await runs(p)).toBe(0)
    expect(await banner(p).count()).toBe(0)
    expect(ui).toEqual([])
    expect(await p.page.evaluate(() => (window as any).Cookiegate.consent.get().method)).toBe('gpc')
    expect(await cookieNames(p)).toEqual([])
    p.assertClean()
  })

  test('DE and a page without a region: no request before consent, and the banner asks', async () => {
    for (let config of [{ region: 'DE', jurisdictions: JURISDICTIONS }, { jurisdictions: JURISDICTIONS }, {}]) {
      let { p, ui } = await open({ ...config, integrations: GCM })
      await banner(p).waitFor({ state: 'visible' })
      expect(await gcmDefault(p)).toEqual({ analytics: 'denied', ad: 'denied' })
      // Without a region, Google's tags get the opt-out regions' default through GCM's region parameter.
      let regional = await p.page.evaluate(() =>
        ((window as any).dataLayer as ArrayLike<any>[]).filter((e) => e[1] === 'default' && e[2].region).map((e) => [e[2].region, e[2].analytics_storage])
      )
      expect(regional).toEqual('region' in config ? [] : 'jurisdictions' in config ? [[['US', 'US-CA'], 'granted']] : [])
      await sleep(800)
      expect(p.requests(), JSON.stringify(config)).toHaveLength(0)
      expect(await runs(p)).toBe(0)
      expect(await cookieNames(p)).toEqual([])
      expect(ui.some((url) => url.includes('cookiegate-ui-'))).toBe(true)
      await p.page.getByRole('link', { name: 'Your Privacy Choices' }).click()
      // The opt-in wording, as today.
      await p.page.getByRole('dialog', { name: 'Cookie settings' }).waitFor({ state: 'visible' })
      p.assertClean()
      await p.close()
    }
  })
})
