// @vitest-environment node
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'

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

  test('the core entry does not pull in Preact', () => {
    let files = [readFileSync('dist/core.mjs', 'utf8')]
    for (let [, chunk] of files[0]!.matchAll(/from\s*["']\.\/([^"']+)["']/g)) files.push(readFileSync(`dist/${chunk}`, 'utf8'))
    expect(files.join('\n')).not.toMatch(/["']preact/)
  })

  test('the script-tag file has no Preact and loads the UI file beside it', () => {
    let loader = readFileSync('dist/cookiegate.js', 'utf8')
    let ui = readFileSync('dist/cookiegate-ui.js', 'utf8')
    expect(loader).not.toMatch(/process\.env|^import /m)
    expect(loader).toContain('cookiegate-ui.js')
    expect(loader).toMatch(/\?v=\d+\.\d+\.\d+/)
    expect(loader).not.toContain('.cg-banner')
    expect(ui).not.toMatch(/process\.env|^import /m)
    expect(ui).toContain('.cg-banner')
    expect(ui).toMatch(/export\s*\{[^}]*mountUI/)
  })

  test('the preferences are a chunk of their own that shares the one copy of the UI and Preact', () => {
    let ui = readFileSync('dist/cookiegate-ui.js', 'utf8')
    let [file] = ui.match(/cookiegate-preferences-[\w-]+\.js/) ?? []
    expect(file).toBeDefined()
    let prefs = readFileSync(`dist/${file}`, 'utf8')
    expect(ui).not.toContain('.cg-modal')
    expect(prefs).toContain('.cg-modal')
    // The loader imports `cookiegate-ui.js?v=<version>`; any other URL would be a second module.
    let version = JSON.parse(readFileSync('package.json', 'utf8')).version
    let imports = [...prefs.matchAll(/from\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1])
    expect(imports).toEqual([`./cookiegate-ui.js?v=${version}`])
    expect(readFileSync('dist/cookiegate.js', 'utf8')).toContain('?v=')
  })

  test('the loader and the UI ask V8 to compile all their functions at once, off the main thread', () => {
    let prefs = readFileSync('dist/cookiegate-ui.js', 'utf8').match(/cookiegate-preferences-[\w-]+\.js/)![0]
    for (let file of ['cookiegate.js', 'cookiegate-ui.js', prefs]) {
      expect(readFileSync(`dist/${file}`, 'utf8').startsWith('//# allFunctionsCalledOnLoad\n'), file).toBe(true)
    }
  })

  test('the script-tag file leaves PostHog to a chunk it loads only when PostHog is allowed', () => {
    let loader = readFileSync('dist/cookiegate.js', 'utf8')
    let chunk = readFileSync('dist/cookiegate-posthog.js', 'utf8')
    expect(loader).toContain('cookiegate-posthog.js')
    expect(loader).not.toContain('opt_in_capturing')
    expect(chunk).toContain('opt_in_capturing')
    expect(chunk).toMatch(/export\s*\{[^}]*loadPosthog/)
  })

  test('the script-tag file leaves Clarity, the Meta Pixel and UET to chunks it loads only once each is allowed', () => {
    let loader = readFileSync('dist/cookiegate.js', 'utf8')
    for (let [file, run, host] of [
      ['cookiegate-clarity.js', 'loadClarity', 'www.clarity.ms'],
      ['cookiegate-meta-pixel.js', 'loadMetaPixel', 'connect.facebook.net'],
      ['cookiegate-microsoft-uet.js', 'loadMicrosoftUet', 'bat.bing.com']
    ]) {
      let chunk = readFileSync(`dist/${file}`, 'utf8')
      expect(loader).toContain(file)
      expect(loader).not.toContain(host)
      expect(chunk).toContain(host)
      expect(chunk).toMatch(new RegExp(`export\\s*\\{[^}]*${run}`))
    }
  })

  test('ships a stylesheet and type declarations', () => {
    expect(readFileSync('dist/cookiegate.css', 'utf8')).toContain('--cg-bg')
    expect(readFileSync('dist/types/index.d.ts', 'utf8')).toContain('createCookiegate')
  })
})
