/**
 * One live instance per page, in Chromium, through the npm build as an app's bundler sees it:
 * dist/cookiegate.mjs bundled by rolldown (the UI a lazily loaded chunk, as in a Vite app), and a
 * page module whose `start()` runs again without `destroy()`, as a hot module reload without
 * `dispose` or a remounted component does.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'rolldown'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { html, useHarness, type TestPage } from './harness'

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const h = useHarness()

const APP = `import { createCookiegate } from 'cookiegate'
window.changes = 0
document.addEventListener('cookiegate:change', () => window.changes++)
window.start = () => (window.Cookiegate = createCookiegate({ policyUrl: '/privacy' }))
window.start()
`

let tmp: string
let page = ''

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'cookiegate-live-'))
  writeFileSync(join(tmp, 'app.js'), APP)
  let bundle = await build({
    input: join(tmp, 'app.js'),
    platform: 'browser',
    resolve: { alias: { cookiegate: join(REPO, 'dist/cookiegate.mjs') } },
    transform: { define: { 'process.env.NODE_ENV': '"production"' } },
    output: { dir: join(tmp, 'out'), format: 'es', entryFileNames: 'app.js', chunkFileNames: '[name]-[hash].js' },
    write: false,
    logLevel: 'silent'
  })
  for (let chunk of bundle.output) {
    if (chunk.type === 'chunk') h().serve(`/app/${chunk.fileName}`, chunk.code, { 'content-type': 'text/javascript; charset=utf-8' })
  }
  page = html('<footer><a href="#" data-cookie-settings>Cookie Settings</a></footer>', { script: '<script type="module" src="/app/app.js"></script>' })
})

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

const banner = (p: TestPage) => p.page.getByRole('region', { name: 'Cookies on this site' })
const dialog = (p: TestPage) => p.page.getByRole('dialog', { name: 'Cookie settings' })
const hosts = (p: TestPage) => p.page.evaluate(() => document.querySelectorAll('[id="cookiegate"]').length)
const changes = (p: TestPage) => p.page.evaluate(() => (window as unknown as { changes: number }).changes)
// Long enough for a second banner or modal, were one coming, to render.
const settle = (p: TestPage) => p.page.waitForTimeout(300)

describe('a second createCookiegate() without destroy()', () => {
  test('after the banner showed: one banner, one modal on the settings link, one change event per choice', async () => {
    let p = await h().page(page)
    await banner(p).waitFor({ state: 'visible' })
    await p.page.evaluate(() => (window as unknown as { start: () => unknown }).start())
    await settle(p)
    expect(await banner(p).count()).toBe(1)
    expect(await hosts(p)).toBe(1)

    await p.page.getByRole('link', { name: 'Cookie Settings' }).click()
    await dialog(p).waitFor({ state: 'visible' })
    await settle(p)
    expect(await dialog(p).count()).toBe(1)

    await dialog(p).getByRole('button', { name: 'Accept all' }).click()
    await dialog(p).waitFor({ state: 'detached' })
    await settle(p)
    expect(await changes(p)).toBe(1)
    expect(await banner(p).count()).toBe(0)
    expect(await p.page.evaluate(() => (window as unknown as { Cookiegate: { allowed(n: string): boolean } }).Cookiegate.allowed('analytics'))).toBe(true)
    p.assertClean()
  })

  test('while the first one’s UI is still loading: one banner', async () => {
    // app.js creates the first instance as it is evaluated; the second follows at once.
    let twice = page.replace('<script type="module" src="/app/app.js"></script>', '<script type="module">import "/app/app.js"; window.start()</script>')
    let p = await h().page(twice)
    await banner(p).waitFor({ state: 'visible' })
    await settle(p)
    expect(await banner(p).count()).toBe(1)
    expect(await hosts(p)).toBe(1)
    p.assertClean()
  })
})
