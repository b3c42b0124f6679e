// @vitest-environment node
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import { describe, expect, test } from 'vitest'

const { version } = JSON.parse(readFileSync('package.json', 'utf8'))
const read = (file: string) => readFileSync(`dist/${file}`, 'utf8')
/** What a script-tag file is named in dist/ (src/files.ts). */
const part = (name: string) => `cookiegate-${name}-${version}.js`
const PARTS = ['ui', 'preferences', 'embeds', 'receipts', 'posthog', 'messages']
const VENDORS = ['clarity', 'meta-pixel', 'microsoft-uet']

/** The relative files a built module imports, statically or dynamically, resolved against its own folder. */
const importsOf = (file: string): string[] =>
  [...read(file).matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s*)["'`](\.{1,2}\/[^"'`]+)["'`]/g)].map((m) =>
    normalize(join(dirname(file), m[1]!))
  )

/** `file` and every file it imports, transitively: what a browser or bundler may end up loading. */
function closure(file: string): string[] {
  let seen = new Set<string>()
  let visit = (name: string) => {
    if (seen.has(name)) return
    seen.add(name)
    expect(existsSync(`dist/${name}`), `${name}, imported from the closure of ${file}`).toBe(true)
    importsOf(name).forEach(visit)
  }
  visit(file)
  return [...seen]
}

// Runs after `npm run build`: checks what ships, not the sources.
describe('built files', () => {
  test('the ESM entries import in Node without a DOM', async () => {
    let load = (file: string) => import(/* @vite-ignore */ new URL(`../dist/${file}`, import.meta.url).href)
    let main = await load('cookiegate.mjs')
    let core = await load('core.mjs')
    expect(typeof main.createCookiegate).toBe('function')
    expect(typeof main.createConsent).toBe('function')
    expect(typeof core.createConsent).toBe('function')
    expect(typeof core.CookiegateConfigError).toBe('function')
  })

  test('the core entry does not pull in Preact, through any chain of imports', () => {
    let files = closure('core.mjs')
    // The walk follows chunks: the core has some (shared with cookiegate.mjs).
    expect(files.length).toBeGreaterThan(1)
    for (let file of files) expect(read(file), file).not.toMatch(/["']preact/)
  })

  test('the script-tag file has no Preact and loads the UI file beside it', () => {
    let loader = read('cookiegate.js')
    let ui = read(part('ui'))
    expect(loader).not.toMatch(/process\.env|^import /m)
    // The loader builds each part's name from the version, the way the build names the files.
    expect(loader).toContain('`cookiegate-${')
    expect(loader).toContain(`\`${version}\``)
    expect(loader).not.toContain('.cg-banner')
    // The words of config problems are fetched only for a bad config (cookiegate-messages-<version>.js).
    for (let words of ['expected a non-empty string', 'is not a valid cookie name', 'not during server rendering']) {
      expect(loader).not.toContain(words)
    }
    expect(read(part('messages'))).toContain('is not a valid cookie name')
    expect(ui).not.toMatch(/process\.env|^import /m)
    expect(ui).toContain('.cg-banner')
    expect(ui).toMatch(/export\s*\{[^}]*mountUI/)
  })

  test('every file the script-tag build may fetch is one of its named parts, a language, or nothing else', () => {
    let files = [...PARTS, ...VENDORS].flatMap((name) => closure(part(name)))
    // The vendors share one budgeted chunk (cookiegate-vendor-<hash>.js) of their common code.
    // The languages are named from the version too (i18n/<code>-<version>.js): no hash in the UI's table of them.
    let v = version.replace(/\./g, '\\.')
    for (let file of files) expect(file).toMatch(new RegExp(`^(cookiegate-[a-z-]+-${v}\\.js|cookiegate-vendor-[\\w-]+\\.js|i18n/[a-z]+-${v}\\.js)$`))
    // The placeholders, the senders and the messages fetch nothing else: above all, not the UI with Preact.
    for (let name of ['embeds', 'receipts', 'posthog', 'messages']) expect(closure(part(name)), name).toEqual([part(name)])
    // No file of the script-tag build is left unreached (a stray shared chunk would be a request nobody budgets).
    let shipped = readdirSync('dist').filter((file) => /^cookiegate-.*\.js$/.test(file) && !file.startsWith('cookiegate-vendor-'))
    expect(shipped.sort()).toEqual([...PARTS, ...VENDORS].sort().map(part))
  })

  test('the preferences are a chunk of their own that shares the one copy of the UI and Preact', () => {
    let ui = read(part('ui'))
    let prefs = read(part('preferences'))
    expect(importsOf(part('ui'))).toContain(part('preferences'))
    expect(ui).not.toContain('.cg-modal')
    expect(prefs).toContain('.cg-modal')
    // The loader imports the UI by this same URL; any other would be a second module.
    expect(importsOf(part('preferences'))).toEqual([part('ui')])
  })

  test('the loader asks V8 to compile all its functions at once, off the main thread; the UI and the preferences do not', () => {
    expect(read('cookiegate.js').startsWith('//# allFunctionsCalledOnLoad\n')).toBe(true)
    // Measured without gain on these two (vite.config.ts): the line would be bytes for nothing.
    for (let file of [part('ui'), part('preferences')]) expect(read(file), file).not.toContain('allFunctionsCalledOnLoad')
  })

  test('the script-tag file leaves PostHog to a chunk it loads only when PostHog is allowed', () => {
    let loader = read('cookiegate.js')
    let chunk = read(part('posthog'))
    expect(loader).not.toContain('opt_in_capturing')
    expect(chunk).toContain('opt_in_capturing')
    expect(chunk).toMatch(/export\s*\{[^}]*loadPosthog/)
  })

  test('the script-tag file leaves Clarity, the Meta Pixel and UET to chunks it loads only once each is allowed', () => {
    let loader = readFileSync('dist/cookiegate.js', 'utf8')
    for (let [name, run, host] of [
      ['clarity', 'loadClarity', 'www.clarity.ms'],
      ['meta-pixel', 'loadMetaPixel', 'connect.facebook.net'],
      ['microsoft-uet', 'loadMicrosoftUet', 'bat.bing.com']
    ]) {
      let chunk = readFileSync(`dist/${part(name!)}`, 'utf8')
      expect(loader).toContain(`'${name}'`.replace(/'/g, '`'))
      expect(loader).not.toContain(host)
      expect(chunk).toContain(host)
      expect(chunk).toMatch(new RegExp(`export\\s*\\{[^}]*${run}`))
    }
  })

  test('ships a stylesheet and type declarations', () => {
    expect(read('cookiegate.css')).toContain('--cg-bg')
    expect(read('types/index.d.ts')).toContain('createCookiegate')
  })
})
