/** Google Consent Mode v2 through the script tag: the order of the data layer in real Chromium. */
import { describe, expect, test } from 'vitest'
import { html, useHarness, waitFor, type TestPage } from './harness'

const harness = useHarness()

const CONFIG = {
  categories: { essential: { required: true }, analytics: {}, marketing: {} },
  integrations: { googleConsentMode: { analytics_storage: 'analytics', security_storage: 'essential' } }
}
// The standard gtag.js snippet, placed after Cookiegate as the README says.
const GTAG = `<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-TEST');</script>`
const page = (script = '<script src="/cookiegate.js"></script>') =>
  harness().page(html('', { head: `<script type="application/json" id="cookiegate-config">${JSON.stringify(CONFIG)}</script>`, script: script + GTAG }))

/** The data layer, each gtag command as `consent default {…}`, each event by name. */
const layer = (p: TestPage) =>
  p.page.evaluate(() =>
    (window as any).dataLayer.map((e: any) =>
      Object.prototype.toString.call(e) === '[object Arguments]'
        ? Array.from(e as ArrayLike<unknown>, (v) => (v instanceof Date ? 'date' : typeof v === 'object' ? JSON.stringify(v) : v)).join(' ')
        : 'event ' + e.event
    )
  )
const DEFAULT = 'consent default {"ad_storage":"denied","analytics_storage":"denied","ad_user_data":"denied","ad_personalization":"denied","security_storage":"denied","wait_for_update":500}'

describe('Google Consent Mode (script tag, Chromium)', () => {
  test('the denied default comes before the Google tag; before a choice only essential is granted', async () => {
    let p = await page()
    expect(await layer(p)).toEqual([
      DEFAULT,
      'js date',
      'config G-TEST',
      'consent update {"ad_storage":"denied","analytics_storage":"denied","ad_user_data":"denied","ad_personalization":"denied","security_storage":"granted"}'
    ])
    p.assertClean()
  })

  test('Accept all sends the update and the cookiegate_consent event; a reload repeats them after the default', async () => {
    let p = await page()
    await p.page.getByRole('button', { name: 'Accept all' }).click()
    let granted =
      'consent update {"ad_storage":"granted","analytics_storage":"granted","ad_user_data":"granted","ad_personalization":"granted","security_storage":"granted"}'
    expect(await waitFor(() => layer(p), (l) => l.length >= 6)).toEqual([DEFAULT, 'js date', 'config G-TEST', expect.stringContaining('update'), granted, 'event cookiegate_consent'])
    await p.reload()
    expect(await waitFor(() => layer(p), (l) => l.length >= 5)).toEqual([DEFAULT, 'js date', 'config G-TEST', granted, 'event cookiegate_consent'])
    p.assertClean()
  })

  test('Reject all denies everything optional and keeps security_storage for essential', async () => {
    let p = await page()
    await p.page.getByRole('button', { name: 'Reject all' }).click()
    let l = await waitFor(() => layer(p), (list) => list.length >= 6)
    expect(l[4]).toBe(
      'consent update {"ad_storage":"denied","analytics_storage":"denied","ad_user_data":"denied","ad_personalization":"denied","security_storage":"granted"}'
    )
    p.assertClean()
  })
})
