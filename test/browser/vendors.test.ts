/**
 * Clarity, Meta Pixel and Microsoft UET through the script tag, in Chromium, against loopback
 * stand-ins of their hosts that record every call their command queues get (./vendor-hosts.ts);
 * Clarity also with its real tracker (clarity-js from npm).
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { html, sleep, startHarness, waitFor, type Harness, type OpenOptions, type TestPage } from './harness'
import { startVendorHosts, vendorRules, type VendorHosts } from './vendor-hosts'

let vendors: VendorHosts
let harness: Harness
beforeAll(async () => {
  vendors = await startVendorHosts()
  harness = await startHarness({ args: [vendorRules(vendors.port)] })
})
afterEach(async () => {
  await harness?.closePages()
})
afterAll(async () => {
  await harness?.close()
  await vendors?.close()
})

const CATEGORIES = { essential: { required: true }, analytics: {}, marketing: {} }
const ALL = {
  categories: CATEGORIES,
  integrations: { clarity: { projectId: 'standin01' }, metaPixel: { pixelId: '1234567890123456' }, microsoftUet: { tagId: '12345678' } }
}
const UET_DEFAULT = '["consent","default",{"ad_storage":"denied"}]'
const FOOTER = '<footer><a href="#" data-cookie-settings>Cookie Settings</a></footer>'

/** The page: config, then cookiegate.js as a classic script and a tag after it that notes the UET queue it finds. */
const open = (config: object = ALL, options: OpenOptions = {}) =>
  harness.page(
    html(FOOTER, {
      head: `<script type="application/json" id="cookiegate-config">${JSON.stringify(config)}</script>`,
      script: '<script src="/cookiegate.js"></script><script>window.__uetAtParse = JSON.stringify(window.uetq || null)</script>'
    }),
    { ...options, context: { ignoreHTTPSErrors: true, ...options.context } }
  )
const banner = (p: TestPage) => p.page.getByRole('region', { name: 'Cookies on this site' })

interface Call {
  vendor: string
  call: unknown[]
  queued: boolean
  t: number
}
const recorded = (p: TestPage) => p.page.evaluate(() => ((window as any).__vendor || []) as Call[])
const show = (c: Call) => `${c.vendor}${c.queued ? ' (queued)' : ''}: ${c.call.map((a) => JSON.stringify(a)).join(', ')}`
/** Every recorded call of one vendor, readable. */
const calls = async (p: TestPage, vendor: string) => (await recorded(p)).filter((c) => c.vendor === vendor).map(show)
/** Requests to the vendor hosts since `t`, as host + path. */
const hits = (t: number) => vendors.requests.filter((r) => r.time >= t).map((r) => r.host + r.path)
const uetq = (p: TestPage) => p.page.evaluate(() => (Array.isArray((window as any).uetq) ? JSON.stringify((window as any).uetq) : 'UET'))
const VENDOR_COOKIE = /^(_clck|_clsk|CLID|_fbp|_fbc|_uet\w*|MUID)$/
/** The vendors' cookies (any domain) and storage keys in the browser. */
async function traces(p: TestPage) {
  let cookies = (await p.context.cookies()).filter((c) => VENDOR_COOKIE.test(c.name)).map((c) => `${c.name}@${c.domain}`)
  let storage = await p.page.evaluate(() => [localStorage, sessionStorage].flatMap((s) => Object.keys(s)).filter((k) => k.startsWith('_uet')))
  return [...cookies, ...storage].sort()
}
/** Logs the calls with their times after `t0`, for the record of what the vendors were told. */
async function record(p: TestPage, title: string, t0: number) {
  let lines = (await recorded(p)).map((c) => `  +${String(c.t - t0).padStart(5)} ms  ${show(c)}`)
  console.log(`${title}\n${lines.join('\n')}`)
}

const ACCEPTED = {
  clarity: ['clarity (queued): "consentv2", {"ad_Storage":"granted","analytics_Storage":"granted"}'],
  meta: [
    'meta (queued): "consent", "revoke"',
    'meta (queued): "init", "1234567890123456"',
    'meta (queued): "consent", "grant"',
    'meta (queued): "track", "PageView"'
  ],
  uet: [
    'uet: "new UET", {"ti":"12345678"}',
    'uet (queued): "consent", "default", {"ad_storage":"denied"}',
    'uet (queued): "consent", "update", {"ad_storage":"granted"}',
    'uet: "pageLoad"'
  ]
}
const SCRIPTS = ['bat.bing.com/bat.js', 'connect.facebook.net/en_US/fbevents.js', 'www.clarity.ms/tag/standin01']
const allArrived = async (p: TestPage) => {
  let seen = await waitFor(() => recorded(p), (list) => list.some((c) => c.call[0] === 'pageLoad') && list.some((c) => c.vendor === 'clarity') && list.some((c) => c.vendor === 'meta'), 10000)
  await sleep(300)
  return seen
}

describe('Clarity, Meta Pixel, UET (script tag, loopback vendor hosts)', () => {
  test('before a choice: no request to any vendor host, nothing stored, only UET’s denied default queued', async () => {
    let start = Date.now()
    let p = await open()
    await banner(p).waitFor({ state: 'visible' })
    await sleep(1500)
    expect(hits(start)).toEqual([])
    expect(await recorded(p)).toEqual([])
    // Queued as cookiegate.js ran: a tag right after it already finds it.
    expect(await p.page.evaluate(() => (window as any).__uetAtParse)).toBe(UET_DEFAULT)
    expect(await uetq(p)).toBe(UET_DEFAULT)
    expect(await p.page.evaluate(() => [typeof (window as any).clarity, typeof (window as any).fbq])).toEqual(['undefined', 'undefined'])
    expect(await traces(p)).toEqual([])
    p.assertClean()
  })

  test('Accept all, then withdrawal: each vendor told in its documented order; withdrawal erases their cookies and storage', async () => {
    let start = Date.now()
    let p = await open()
    await banner(p).getByRole('button', { name: 'Accept all' }).click()
    await allArrived(p)
    await record(p, 'Accept all (first visit):', start)
    expect(await calls(p, 'clarity')).toEqual(ACCEPTED.clarity)
    expect(await calls(p, 'meta')).toEqual(ACCEPTED.meta)
    expect(await calls(p, 'uet')).toEqual(ACCEPTED.uet)
    expect(hits(start).sort()).toEqual(SCRIPTS)
    expect(await traces(p)).toEqual(['_clck@.shop.test', '_clsk@.shop.test', '_fbp@.shop.test', '_uetsid', '_uetsid@.shop.test', '_uetsid_exp', '_uetvid', '_uetvid@.shop.test', '_uetvid_exp'])

    let withdrawn = Date.now()
    let before = (await recorded(p)).length
    await p.page.evaluate(() => (window as any).Cookiegate.rejectAll())
    let after = await waitFor(() => recorded(p), (list) => list.length >= before + 4, 5000)
    await record(p, 'Accept all, then Reject all on the same page:', start)
    expect(after.slice(before).map(show).sort()).toEqual([
      'clarity: "consent", false',
      'clarity: "consentv2", {"ad_Storage":"denied","analytics_Storage":"denied"}',
      'meta: "consent", "revoke"',
      'uet: "consent", "update", {"ad_storage":"denied"}'
    ])
    // Clarity: the denied consentv2 comes before consent(false).
    expect((await calls(p, 'clarity')).slice(1)).toEqual([
      'clarity: "consentv2", {"ad_Storage":"denied","analytics_Storage":"denied"}',
      'clarity: "consent", false'
    ])
    await sleep(500)
    expect(await traces(p)).toEqual([])
    expect(hits(withdrawn)).toEqual([])
    p.assertClean()
  })

  test('returning visit: the same sequence before each script arrives, no banner; after a refusal nothing loads and leftovers go', async () => {
    let p = await open()
    await banner(p).getByRole('button', { name: 'Accept all' }).click()
    await allArrived(p)
    let start = Date.now()
    await p.reload()
    await allArrived(p)
    await record(p, 'Returning visit (accepted before):', start)
    expect(await banner(p).count()).toBe(0)
    expect(await calls(p, 'clarity')).toEqual(ACCEPTED.clarity)
    expect(await calls(p, 'meta')).toEqual(ACCEPTED.meta)
    expect(await calls(p, 'uet')).toEqual(ACCEPTED.uet)
    expect(hits(start).sort()).toEqual(SCRIPTS)

    let q = await open()
    await banner(q).getByRole('button', { name: 'Reject all' }).click()
    // A pixel that once ran ungated left its cookie behind: the start-up sweep deletes it.
    await q.context.addCookies([{ name: '_fbp', value: 'leftover', domain: '.shop.test', path: '/' }])
    start = Date.now()
    await q.reload()
    await sleep(1500)
    expect(hits(start)).toEqual([])
    expect(await recorded(q)).toEqual([])
    expect(await uetq(q)).toBe(UET_DEFAULT)
    expect(await traces(q)).toEqual([])
    p.assertClean()
    q.assertClean()
  })

  test('Global Privacy Control: no banner, no request, only the denied default', async () => {
    let start = Date.now()
    let p = await open(ALL, { init: `Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true })` })
    await sleep(1500)
    expect(await p.page.evaluate(() => (window as any).Cookiegate.consent.get().method)).toBe('gpc')
    expect(await banner(p).count()).toBe(0)
    expect(hits(start)).toEqual([])
    expect(await recorded(p)).toEqual([])
    expect(await uetq(p)).toBe(UET_DEFAULT)
    p.assertClean()
  })

  test('a service-level choice: the Meta service alone loads the pixel, UET stays at its default', async () => {
    let config = {
      categories: { essential: { required: true }, marketing: { services: { meta: {}, bing: {} } } },
      integrations: { metaPixel: { pixelId: '1234567890123456', category: 'meta' }, microsoftUet: { tagId: '12345678', category: 'bing' } }
    }
    let start = Date.now()
    let p = await open(config)
    await p.page.evaluate(() => (window as any).Cookiegate.save({ meta: true }))
    await waitFor(() => calls(p, 'meta'), (list) => list.length === 4, 10000)
    await sleep(800)
    await record(p, 'Service-level choice { meta: true }:', start)
    expect(await calls(p, 'meta')).toEqual(ACCEPTED.meta)
    expect(hits(start)).toEqual(['connect.facebook.net/en_US/fbevents.js'])
    expect(await uetq(p)).toBe(UET_DEFAULT)
    expect(await traces(p)).toEqual(['_fbp@.shop.test'])
    await p.page.evaluate(() => (window as any).Cookiegate.save({ bing: true }))
    await waitFor(() => calls(p, 'uet'), (list) => list.includes('uet: "pageLoad"'), 10000)
    expect(await calls(p, 'meta')).toEqual([...ACCEPTED.meta, 'meta: "consent", "revoke"'])
    expect(await calls(p, 'uet')).toEqual(ACCEPTED.uet)
    expect((await traces(p)).some((t) => t.startsWith('_fbp'))).toBe(false)
    p.assertClean()
  })
})

describe('Clarity with its real tracker (clarity-js from npm)', () => {
  const REAL = { categories: { essential: { required: true }, analytics: {} }, integrations: { clarity: { projectId: 'realjs01' } } }
  const clarityCookies = async (p: TestPage) => (await p.context.cookies()).filter((c) => /^_cl(ck|sk)$/.test(c.name)).map((c) => c.name).sort()
  const uploads = (t: number) => hits(t).filter((h) => h.endsWith('/collect'))

  test('nothing before consent; on Accept all it starts with cookies; withdrawal removes them', async () => {
    let start = Date.now()
    let p = await open(REAL)
    await banner(p).waitFor({ state: 'visible' })
    await sleep(1500)
    expect(hits(start)).toEqual([])
    await banner(p).getByRole('button', { name: 'Accept all' }).click()
    await waitFor(() => clarityCookies(p), (names) => names.length === 2, 10000)
    expect(await clarityCookies(p)).toEqual(['_clck', '_clsk'])
    expect(hits(start).slice(0, 2)).toEqual(['www.clarity.ms/tag/realjs01', 'scripts.clarity.ms/0.8.70/clarity.js'])
    await waitFor(() => uploads(start), (list) => list.length > 0, 10000)
    expect(await p.page.evaluate(() => typeof (window as any).clarity.v)).toBe('string')

    let withdrawn = Date.now()
    await p.page.evaluate(() => (window as any).Cookiegate.rejectAll())
    await sleep(3000)
    expect(await clarityCookies(p)).toEqual([])
    // Clarity's own no-consent mode: it restarts cookieless and keeps sending from this page.
    console.log(`real Clarity: ${uploads(start).length - uploads(withdrawn).length} uploads before withdrawal, ${uploads(withdrawn).length} in the 3 s after`)
    p.assertClean()
  })

  test('with reloadOnWithdraw, withdrawal reloads the page and Clarity sends nothing more', async () => {
    let start = Date.now()
    let p = await open({ ...REAL, reloadOnWithdraw: true })
    await banner(p).getByRole('button', { name: 'Accept all' }).click()
    await waitFor(() => uploads(start), (list) => list.length > 0, 10000)
    await Promise.all([p.page.waitForEvent('load'), p.page.evaluate(() => (window as any).Cookiegate.rejectAll())])
    await p.ready()
    let reloaded = Date.now()
    await sleep(3000)
    expect(hits(reloaded)).toEqual([])
    expect(await clarityCookies(p)).toEqual([])
    expect(await p.page.evaluate(() => typeof (window as any).clarity)).toBe('undefined')
    p.assertClean()
  })
})
