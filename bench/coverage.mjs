#!/usr/bin/env node
/**
 * Which code of dist/cookiegate.js runs on a page view, and which never does, by source module:
 * the candidates for loading lazily. V8 precise (block) coverage through playwright-core, on the
 * bench page (`node bench/run.mjs --page cookiegate`).
 *
 *   node bench/coverage.mjs                          returning visit (an earlier view accepted all)
 *   node bench/coverage.mjs --visit first            first visit (until the banner is shown)
 *   node bench/coverage.mjs --top 30                 list the 30 largest never-run functions
 *   node bench/coverage.mjs --json out.json          also write the figures as JSON
 *
 * It builds the loader once more with source maps into a temp folder (`vite build --mode iife
 * --sourcemap`), the same code as dist/cookiegate.js, and serves that file, the rest from dist/
 * (run `npm run build` first). Bytes are minified bytes of the loader: a byte "ran" when the
 * innermost block around it was entered at least once. Coverage is read 300 ms after the gated
 * analytics script's first line (returning) or the banner's first frame (first visit).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, extname, join, normalize, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { benchPages, CHROMIUM_ARGS, flag } from './common.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const DIST = join(ROOT, 'dist')
const VISIT = flag('--visit', 'returning')
const TOP = Number(flag('--top', '15')) || 15
const JSON_OUT = flag('--json')
const { SourceMapConsumer } = createRequire(import.meta.url)('source-map-js')
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

if (!['first', 'returning'].includes(VISIT)) throw new Error(`--visit first|returning, got ${VISIT}`)
if (!existsSync(join(DIST, 'cookiegate.js'))) throw new Error('no dist/cookiegate.js: run `npm run build` first')

// ---------------------------------------------------------------- the loader, with its map

const MAPPED = mkdtempSync(join(tmpdir(), 'cookiegate-coverage-'))
let built = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--mode', 'iife', '--sourcemap', '--outDir', MAPPED, '--logLevel', 'error'], { cwd: ROOT, encoding: 'utf8' })
if (built.status !== 0) throw new Error(`vite build --mode iife --sourcemap failed: ${built.stderr}`)
const LOADER = readFileSync(join(MAPPED, 'cookiegate.js'), 'utf8')
// vite.config.ts prepends the compile-hint line after the map is made.
const SHIFT = LOADER.startsWith('//# allFunctionsCalledOnLoad') ? 1 : 0

// ---------------------------------------------------------------- page and files

const pages = await benchPages()
const PAGE = pages.page('cookiegate')
const TYPES = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' }
const server = createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url, 'http://x').pathname)
  let body = null
  let type = 'text/html; charset=utf-8'
  if (path === '/cookiegate.html') body = PAGE
  else if (path === '/cookiegate.js') {
    body = LOADER
    type = TYPES['.js']
  } else {
    let full = normalize(join(DIST, path))
    if (full.startsWith(DIST + sep) && existsSync(full) && statSync(full).isFile()) {
      body = readFileSync(full)
      type = TYPES[extname(full)] || 'application/octet-stream'
    }
  }
  res.writeHead(body ? 200 : 404, { 'Content-Type': type, 'Cache-Control': 'no-store' })
  res.end(body ?? 'not found')
})
await new Promise((r) => server.listen(0, '127.0.0.1', r))
const URL_ = `http://127.0.0.1:${server.address().port}/cookiegate.html`

// ---------------------------------------------------------------- one visit

/** Resolves when the banner is rendered (first visit) or the gated analytics script has started. */
async function ready(page, kind) {
  if (kind === 'first') {
    await page.waitForFunction(() => {
      let el = document.querySelector('.cg-banner') || document.getElementById('cookiegate')?.shadowRoot?.querySelector('.cg-banner')
      let r = el?.getBoundingClientRect()
      return r && r.width > 0 && r.height > 0
    }, null, { timeout: 20000 })
  } else await page.waitForFunction(() => window.__analyticsStart !== undefined, null, { timeout: 20000 })
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })
let entries
try {
  let context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' })
  if (VISIT === 'returning') {
    let first = await context.newPage()
    await first.goto(URL_)
    await first.locator('.cg-banner button', { hasText: 'Accept all' }).first().click()
    await ready(first, 'returning')
    await first.close()
  }
  let page = await context.newPage()
  await page.coverage.startJSCoverage({ resetOnNavigation: false })
  await page.goto(URL_, { waitUntil: 'commit' })
  await ready(page, VISIT)
  await sleep(300)
  entries = await page.coverage.stopJSCoverage()
  await context.close()
} finally {
  await browser.close()
  server.close()
  pages.close()
}

// ---------------------------------------------------------------- bytes that ran, by module

const entry = entries.find((e) => new URL(e.url).pathname === '/cookiegate.js')
if (!entry) throw new Error('no coverage for /cookiegate.js')
const others = entries.filter((e) => e !== entry && new URL(e.url).origin === new URL(URL_).origin).map((e) => new URL(e.url).pathname)

// V8's ranges nest: an inner block's count overrides its function's. Widest first, so the
// innermost range is the last one written.
const count = new Int32Array(LOADER.length)
let ranges = entry.functions.flatMap((f) => f.ranges.map((r) => ({ ...r, fn: f.functionName })))
ranges.sort((a, b) => b.endOffset - b.startOffset - (a.endOffset - a.startOffset))
for (let r of ranges) count.fill(r.count, r.startOffset, r.endOffset)

// Source module of each generated offset, through the map (line/column → offset).
const map = new SourceMapConsumer(JSON.parse(readFileSync(join(MAPPED, 'cookiegate.js.map'), 'utf8')))
const lineStarts = [0]
for (let i = 0; i < LOADER.length; i++) if (LOADER[i] === '\n') lineStarts.push(i + 1)
const owner = Array.from({ length: LOADER.length }, () => null)
let marks = []
map.eachMapping((m) => marks.push({ at: lineStarts[m.generatedLine - 1 + SHIFT] + m.generatedColumn, source: m.source }))
marks.sort((a, b) => a.at - b.at)
for (let i = 0; i < marks.length; i++) owner.fill(marks[i].source, marks[i].at, marks[i + 1]?.at ?? LOADER.length)
// Sources are relative to the map's folder: name them from the repository root, dependencies by package.
const clean = (source) => (source ? relative(ROOT, resolve(MAPPED, source)).replace(/^.*node_modules\//, '') : '(no source)')

let modules = new Map()
for (let i = 0; i < LOADER.length; i++) {
  let name = clean(owner[i])
  let m = modules.get(name) ?? { module: name, bytes: 0, ran: 0 }
  m.bytes++
  if (count[i] > 0) m.ran++
  modules.set(name, m)
}
let rows = [...modules.values()].map((m) => ({ ...m, never: m.bytes - m.ran })).sort((a, b) => b.never - a.never)

// Never-run functions (the outermost ones: a function inside one that never ran is part of it).
let dead = entry.functions
  .filter((f) => f.ranges[0].count === 0)
  .map((f) => ({ start: f.ranges[0].startOffset, end: f.ranges[0].endOffset, name: f.functionName || '(anonymous)' }))
  .sort((a, b) => a.start - b.start || b.end - a.end)
let outer = []
for (let f of dead) if (!outer.length || f.start >= outer.at(-1).end) outer.push(f)
let where = (offset) => {
  let line = lineStarts.findLastIndex((s) => s <= offset)
  let pos = map.originalPositionFor({ line: line + 1 - SHIFT, column: offset - lineStarts[line] })
  return pos.source ? `${clean(pos.source)}:${pos.line}` : '?'
}
let functions = outer.map((f) => ({ ...f, bytes: f.end - f.start, at: where(f.start) })).sort((a, b) => b.bytes - a.bytes)

let total = rows.reduce((s, r) => s + r.bytes, 0)
let ran = rows.reduce((s, r) => s + r.ran, 0)
console.log(`${VISIT} visit: ${ran} of ${total} minified bytes of cookiegate.js ran (${((100 * ran) / total).toFixed(1)}%), ${total - ran} never did`)
console.log(`other files of ours loaded: ${others.length ? others.join(', ') : 'none'}\n`)
console.log('never run   ran  bytes  module')
for (let r of rows) console.log(`${String(r.never).padStart(9)} ${String(r.ran).padStart(5)} ${String(r.bytes).padStart(6)}  ${r.module}`)
console.log(`\nlargest never-run functions (outermost):`)
for (let f of functions.slice(0, TOP)) console.log(`${String(f.bytes).padStart(6)}  ${f.name}  ${f.at}`)
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ visit: VISIT, total, ran, others, modules: rows, functions }, null, 2) + '\n')
rmSync(MAPPED, { recursive: true, force: true })
