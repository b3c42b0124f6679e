/**
 * `cookiegate/testing` and `cookiegate scan` against loopback fixture sites, the way a site
 * owner's CI would use them: the built package (dist/testing.mjs, bin/cookiegate.mjs).
 */
import { execFile } from 'node:child_process'
import { describe, expect, test } from 'vitest'
import { html, useHarness } from './harness'

const harness = useHarness()
const testing = () => import('../../dist/testing.mjs' as string) as Promise<typeof import('../../src/testing/index')>

const CONFIG = {
  categories: {
    essential: { required: true, cookies: ['session'] },
    analytics: { cookies: ['_ga', '_ga_*'], storage: ['ajs_*'] }
  }
}
const config = `<script type="application/json" id="cookiegate-config">${JSON.stringify(CONFIG)}</script>`
const gated = () => `<script type="text/plain" data-category="analytics" src="${harness().analytics}/analytics.js"></script>`

/** Fixture sites, served on the harness's www.shop.test. */
const SITES: Record<string, () => string> = {
  clean: () => html(gated() + '<script>document.cookie = "session=1; path=/"</script>', { head: config }),
  // An ungated tag: requests analytics.test and sets _ga on the parent domain (shop.test).
  leaking: () => html(`<script src="${harness().analytics}/analytics.js"></script>`, { head: config }),
  // An inline tracker that sets _ga before Cookiegate runs; the start-up clean-up erases it again.
  erased: () => html('<script>document.cookie = "_ga=GA1.2.3; domain=shop.test; path=/; max-age=3600"</script>', { head: config }),
  storage: () => html(gated() + '<script>localStorage.setItem("ajs_anonymous_id", "x")</script>', { head: config }),
  // No Cookiegate at all: everything is unclaimed.
  bare: () => html('<script>document.cookie = "_ga=GA1.2.3; domain=shop.test; path=/; max-age=3600"; localStorage.setItem("plausible_ignore", "1")</script>', { script: '' })
}
const site = (name: string) => {
  harness().serve(`/${name}.html`, SITES[name]!())
  return `${harness().base}/${name}.html`
}

async function failure(name: string) {
  let { expectNoTrackingBeforeConsent } = await testing()
  let page = await (await harness().browser.newContext()).newPage()
  try {
    await expectNoTrackingBeforeConsent(page, site(name), { idle: 500 })
    return null
  } catch (error) {
    return error as Error & { findings: { kind: string; name: string; kept: boolean }[] }
  } finally {
    await page.context().close()
  }
}

describe('cookiegate/testing', () => {
  test('expectNoTrackingBeforeConsent passes on a page that gates its tracker', async () => {
    expect(await failure('clean')).toBeNull()
  })

  test('it fails on an ungated tracker, naming the third-party request and the cookie', async () => {
    let error = await failure('leaking')
    expect(error?.message).toContain('Tracking before consent')
    expect(error?.message).toContain('request to analytics.test')
    expect(error?.message).toMatch(/cookie _ga \(shop\.test\)/)
  })

  test('it reports a cookie that was set and removed again by the start-up clean-up', async () => {
    let error = await failure('erased')
    expect(error?.findings).toContainEqual(expect.objectContaining({ kind: 'cookie', name: '_ga', kept: false }))
    expect(error?.message).toContain('set and removed again')
  })

  test('it reports a storage key written before any choice', async () => {
    let error = await failure('storage')
    expect(error?.findings).toContainEqual(expect.objectContaining({ kind: 'storage', name: 'ajs_anonymous_id' }))
  })

  test('setConsent starts a test as a visitor who accepted, refused or chose per category', async () => {
    let { setConsent } = await testing()
    let url = site('clean')
    for (let [choice, runs] of [['accept-all', 1], ['reject-all', undefined], [{ analytics: true }, 1]] as const) {
      let context = await harness().browser.newContext()
      let state = await setConsent(context, choice, { ...CONFIG, url })
      let page = await context.newPage()
      await page.goto(url)
      await page.waitForFunction(() => (window as any).Cookiegate)
      expect(await page.evaluate(() => (window as any).Cookiegate.consent.get().id)).toBe(state.id)
      expect(await page.evaluate(() => !!document.getElementById('cookiegate'))).toBe(false)
      // Allowed: wait for the tag (a loaded machine may take longer than any fixed pause), then
      // give it time to run twice. Refused: the pause is the time it had to run and did not.
      if (runs) await page.waitForFunction(() => (window as any).__analyticsRuns >= 1, undefined, { timeout: 10000 })
      await page.waitForTimeout(300)
      expect(await page.evaluate(() => (window as any).__analyticsRuns)).toBe(runs)
      await context.close()
    }
  })
})

/** Runs the packaged bin the way `npx cookiegate scan` does. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/cookiegate.mjs', ...args],
      { env: { ...process.env, COOKIEGATE_SCAN_ARGS: '--host-resolver-rules=MAP *.test 127.0.0.1' }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr })
    )
  })
}

describe('cookiegate scan', () => {
  test('a clean site: nothing optional before a choice, the tracker after Accept all only, exit 0', async () => {
    let { code, stdout, stderr } = await cli('scan', site('clean'), '--json')
    let report = JSON.parse(stdout)
    expect(stderr).toContain('visit 3/3')
    expect(code).toBe(0)
    expect(report.beforeChoice).toEqual([])
    let [none, rejected, accepted] = report.visits
    expect(none.findings.map((f: any) => `${f.kind} ${f.name} ${f.category}`)).toEqual(['cookie session essential'])
    expect(rejected.findings.some((f: any) => f.kind === 'request')).toBe(false)
    expect(accepted.findings).toContainEqual(expect.objectContaining({ kind: 'request', name: 'analytics.test', category: 'analytics' }))
    expect(accepted.findings).toContainEqual(expect.objectContaining({ kind: 'cookie', name: '_ga', where: 'shop.test', category: 'analytics' }))
    // ph_test_posthog is set by the tracker but listed nowhere: the suggestion names it.
    expect(report.suggestion.analytics.cookies).toContain('ph_*')
  }, 180_000)

  test('an ungated tracker setting a cookie on the parent domain: reported before any choice, exit 1', async () => {
    let { code, stdout } = await cli('scan', site('leaking'))
    expect(code).toBe(1)
    expect(stdout).toMatch(/request\s+analytics\.test/)
    expect(stdout).toMatch(/cookie\s+_ga\s+shop\.test/)
    expect(stdout).toContain('optional item(s) before any choice: exit 1')
  }, 180_000)

  test('a page using localStorage, and a page without Cookiegate: everything unclaimed, a starting config suggested', async () => {
    let storage = JSON.parse((await cli('scan', site('storage'), '--json')).stdout)
    expect(storage.beforeChoice).toContainEqual(expect.objectContaining({ kind: 'storage', name: 'ajs_anonymous_id', category: 'analytics' }))
    let { code, stdout } = await cli('scan', site('bare'), '--json')
    let bare = JSON.parse(stdout)
    expect(code).toBe(1)
    expect(bare.cookiegate).toBe(false)
    expect(bare.visits.map((v: any) => v.ran)).toEqual([true, false, false])
    expect(bare.suggestion.analytics.cookies).toEqual(['_ga*'])
    expect(bare.suggestion.unclassified.storage).toEqual(['plausible_ignore'])
  }, 180_000)

  test('a clear error without a browser or a URL', async () => {
    expect((await cli('scan')).code).toBe(2)
    let missing = await new Promise<{ code: number; stderr: string }>((resolve) =>
      execFile(process.execPath, ['bin/cookiegate.mjs', 'scan', 'http://www.shop.test/'], { env: { ...process.env, CHROMIUM_PATH: '/nope/chromium' } }, (error, _out, stderr) =>
        resolve({ code: Number((error as { code?: number } | null)?.code ?? 0), stderr })
      )
    )
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('CHROMIUM_PATH is /nope/chromium')
  }, 180_000)
})
