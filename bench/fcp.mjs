#!/usr/bin/env node
/**
 * Why does a `defer` script move Lighthouse's First Contentful Paint? Variants of the bench page,
 * measured with the same Lighthouse runs as the bench (bench/lighthouse.mjs), interleaved:
 *
 *   none            no consent library
 *   cookiegate      the bench page as it is
 *   ui-false        the same with `"ui": false` in the config: the loader runs, no UI file is fetched
 *   ui-late         cookiegate-ui.js answered 1500 ms late, so it arrives after the first paint
 *   ui-preload-low  a <link rel="modulepreload" fetchpriority="low"> of the UI in <head>
 *   orejime, vanilla-cookieconsent   the competitors' bench pages, for reference
 *
 *   node bench/fcp.mjs --runs 3 [--variants cookiegate,ui-late]
 *
 * Lighthouse's simulated FCP (Lantern) is the mean of an optimistic and a pessimistic estimate;
 * the pessimistic one keeps every request of render-blocking priority (VeryHigh, or High for a
 * script) that finished before the paint observed in the unthrottled trace, and the script
 * evaluation behind it. Printed per variant: simulated FCP, observed FCP, and the page's own
 * requests with priority and whether they ended before the observed paint.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { dirname, extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { benchPages, CHROMIUM_ARGS, flag, median } from './common.mjs'
import { runLighthouse } from './lighthouse.mjs'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = resolve(HERE, '..')
const NM = join(ROOT, 'node_modules')
const RUNS = Math.max(1, Number(flag('--runs', '3')) || 3)
const DIST = resolve(ROOT, flag('--dist', 'dist'))
const LATE_MS = 1500

const pages = await benchPages()
const page = pages.page
const PAGES = {
  none: page('none'),
  cookiegate: page('cookiegate'),
  'ui-false': page('cookiegate').replace('{"policyUrl":', '{"ui": false, "policyUrl":'),
  'ui-late': page('cookiegate').replace('src="/cookiegate.js"', 'src="/late/cookiegate.js"'),
  // The UI fetched as the loader would, but announced in <head> at low priority: import() then
  // reuses that module, and its request is no longer of render-blocking priority.
  'ui-preload-low': page('cookiegate').replace('<script src="/cookiegate.js" defer>', `<link rel="modulepreload" href="/cookiegate-ui.js?v=${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}" fetchpriority="low">\n    <script src="/cookiegate.js" defer>`),
  orejime: page('orejime'),
  'vanilla-cookieconsent': page('vanilla-cookieconsent')
}
if (!PAGES['ui-false'].includes('"ui": false')) throw new Error('ui-false: config not found in the page')
const VARIANTS = flag('--variants', Object.keys(PAGES).join(',')).split(',')

const TYPES = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' }
const MOUNTS = [
  ['/vendor/vanilla-cookieconsent/', join(NM, 'vanilla-cookieconsent/dist')],
  ['/vendor/orejime/', join(NM, 'orejime/dist')],
  // The same files; the UI (imported beside the loader, so under /late/ too) answers late.
  ['/late/', DIST],
  ['/', DIST]
]
const server = createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url, 'http://x').pathname)
  let name = path.slice(1).replace(/\.html$/, '')
  if (PAGES[name]) {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
    return res.end(PAGES[name])
  }
  for (let [prefix, dir] of MOUNTS) {
    if (!path.startsWith(prefix)) continue
    let full = normalize(join(dir, path.slice(prefix.length)))
    if (!full.startsWith(dir + sep) || !existsSync(full) || !statSync(full).isFile()) continue
    let answer = () => {
      res.writeHead(200, { 'Content-Type': TYPES[extname(full)] || 'application/octet-stream', 'Cache-Control': 'no-store' })
      res.end(readFileSync(full))
    }
    return prefix === '/late/' && path.endsWith('/cookiegate-ui.js') ? setTimeout(answer, LATE_MS) : answer()
  }
  res.writeHead(404, { 'Content-Type': 'text/plain' })
  res.end('not found')
})
await new Promise((r) => server.listen(0, '127.0.0.1', r))
const BASE = `http://127.0.0.1:${server.address().port}`

let result = await runLighthouse({ ids: VARIANTS, url: (id) => `${BASE}/${id}.html`, runs: RUNS, chromeFlags: CHROMIUM_ARGS, onProgress: (l) => console.log(l) })
server.close()
pages.close()

const range = (v) => (v.length ? `${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)}` : '–')
console.log(`\nLighthouse ${result.version}, median (min–max) of ${RUNS} runs, ms`)
console.log('| variant | simulated FCP | observed FCP | boot-up | TBT | scripts of High priority ended before the observed paint |\n| --- | ---: | ---: | ---: | ---: | --- |')
for (let id of VARIANTS) {
  let runs = result.raw[id]
  let col = (pick) => {
    let v = runs.map(pick).filter(Number.isFinite)
    return `${median(v)?.toFixed(0) ?? '–'} (${range(v)})`
  }
  // Request times are in ms from navigation like the observed paint.
  let blocking = new Map()
  for (let r of runs)
    for (let q of r.requests)
      if (q.type === 'Script' && /High/.test(q.priority) && q.end <= r.observed.fcp) blocking.set(`${q.url} ${q.priority}`, (blocking.get(`${q.url} ${q.priority}`) ?? 0) + 1)
  console.log(`| ${id} | ${col((r) => r.audits['first-contentful-paint'])} | ${col((r) => r.observed.fcp)} | ${col((r) => r.audits['bootup-time'])} | ${col((r) => r.audits['total-blocking-time'])} | ${[...blocking].map(([k, n]) => `${k} (${n}/${runs.length})`).join(', ') || 'none'} |`)
}
console.log('\nPer run: simulated FCP / observed FCP, and the High-priority scripts that ended before that paint')
for (let id of VARIANTS)
  console.log(`${id}: ${result.raw[id].map((r) => `${r.audits['first-contentful-paint']?.toFixed(0)} / ${r.observed.fcp?.toFixed(0)}${r.requests.filter((q) => q.type === 'Script' && /High/.test(q.priority) && q.end <= r.observed.fcp).map((q) => ` + ${q.url}`).join('')}`).join('; ')}`)
writeFileSync(join(HERE, 'results-fcp.json'), JSON.stringify(result, null, 2) + '\n')
console.log('Wrote bench/results-fcp.json.')
console.log('\nRequests per variant (first run): url priority start→end ms')
for (let id of VARIANTS) {
  let r = result.raw[id][0]
  if (!r) continue
  console.log(`${id} (observed FCP ${r.observed.fcp?.toFixed(0)} ms): ${r.requests.map((q) => `${q.url} ${q.priority} ${q.start?.toFixed(0)}→${q.end?.toFixed(0)}`).join('; ')}`)
}
