#!/usr/bin/env node
/**
 * Builds copies of dist/ whose loader (cookiegate.js) fetches the UI file in other ways, for
 * bench/fcp.mjs `--loaders` (Lighthouse FCP and banner visible, variants interleaved). Only the
 * UI prefetch of src/iife.ts's early block differs (what its last `if` does when the banner will
 * ask); the rest of each folder is dist/.
 *
 *   npm run build && node bench/loader-variants.mjs [--out /tmp/cg-variants] [--variants current,import,mp-low]
 *   node bench/fcp.mjs --banner --runs 7 --loaders current=/tmp/cg-variants/current,import=/tmp/cg-variants/import --variants current,import,orejime,vanilla-cookieconsent
 *
 * Variants (what the early block does when the banner will ask):
 *   current        src/iife.ts as it is
 *   import         `import()` of the UI file at once (Chromium: High priority; the loader before
 *                  the low-priority modulepreload)
 *   mp             a <link rel="modulepreload"> of the same URL inserted by the loader (its default priority)
 *   mp-low         the same link with fetchpriority="low"; init() imports it later and reuses it
 *   mp-low-import  the low-priority link, then `import()` at once (it waits for the link's fetch)
 *   raf            `import()` in the first animation frame (the request starts as that frame is made)
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { flag } from './common.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const OUT = resolve(flag('--out', join(tmpdir(), 'cg-variants')))
// The statement the variants replace: what the last `if` of the early block runs, one statement or a block.
const PREFETCH = /(\n  if \(!window\.Cookiegate && early\?\.ui !== false[^\n]*\)) (\{\n[\s\S]*?\n  \}|loadUI\(\)\.catch\(\(\) => \{\}\))\n/
const TODAY = 'loadUI().catch(() => {})'
const URL_ = `new URL(fileName('ui', __VERSION__), (document.currentScript as HTMLScriptElement | null)?.src || location.href).href`
const link = (low) =>
  `{ let link = document.createElement('link'); link.rel = 'modulepreload';${low ? " link.fetchPriority = 'low';" : ''} link.href = ${URL_}; document.head.append(link) }`
const VARIANTS = {
  current: null,
  import: TODAY,
  mp: link(false),
  'mp-low': link(true),
  'mp-low-import': `{ ${link(true)}; loadUI().catch(() => {}) }`,
  raf: `requestAnimationFrame(() => void loadUI().catch(() => {}))`
}
const NAMES = flag('--variants', Object.keys(VARIANTS).join(',')).split(',')

if (!existsSync(join(ROOT, 'dist/cookiegate.js'))) throw new Error('dist/ is missing: run `npm run build` first')
let source = readFileSync(join(ROOT, 'src/iife.ts'), 'utf8')
if (!PREFETCH.test(source)) throw new Error('src/iife.ts: the UI prefetch (the last `if` of the early block) was not found; update PREFETCH in bench/loader-variants.mjs')

// A scratch copy of what the iife pass reads, with this checkout's node_modules.
let work = mkdtempSync(join(tmpdir(), 'cg-variant-src-'))
for (let entry of ['src', 'styles', 'package.json', 'vite.config.ts', 'tsconfig.json']) cpSync(join(ROOT, entry), join(work, entry), { recursive: true })
symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'))
try {
  for (let name of NAMES) {
    if (!(name in VARIANTS)) throw new Error(`unknown variant ${name}; known: ${Object.keys(VARIANTS).join(', ')}`)
    let dir = join(OUT, name)
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dirname(dir), { recursive: true })
    cpSync(join(ROOT, 'dist'), dir, { recursive: true })
    writeFileSync(join(work, 'src/iife.ts'), VARIANTS[name] == null ? source : source.replace(PREFETCH, (_, head) => `${head} {\n    ${VARIANTS[name]}\n  }\n`))
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--mode', 'iife', '--outDir', dir, '--logLevel', 'warn'], { cwd: work, stdio: 'inherit' })
    console.log(`${name}: ${dir}`)
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
