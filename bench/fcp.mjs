#!/usr/bin/env node
/**
 * Why does a `defer` script move Lighthouse's First Contentful Paint? Variants of the bench page,
 * measured with the same Lighthouse runs as the bench (bench/lighthouse.mjs), interleaved:
 *
 *   none            no consent library
 *   cookiegate      the bench page as it is
 *   ui-false        the same with `"ui": false` in the config: the loader runs, no UI file is fetched
 *   ui-late         cookiegate-ui-<version>.js answered 1500 ms late, so it arrives after the first paint
 *   ui-preload      a <link rel="modulepreload"> of the UI in <head>, as the server's `preloadLinks` renders it
 *   ui-preload-low  the same link with fetchpriority="low"
 *   orejime, vanilla-cookieconsent   the competitors' bench pages, for reference
 *   NAME            with `--loaders NAME=DIR,...`: the Cookiegate page served from DIR (loader variants of
 *                   bench/loader-variants.mjs; only their cookiegate.js differs)
 *
 *   node bench/fcp.mjs --runs 3 [--variants cookiegate,ui-late] [--dist DIR (served at the root; default dist)]
 *   node bench/fcp.mjs --banner --runs 7 --loaders import=/tmp/cg-variants/import,mp-low=/tmp/cg-variants/mp-low --variants import,mp-low
 *
 * `--banner`: before Lighthouse, the same variants in the bench's browser (Chromium through
 * playwright-core, a fresh context per run, CPU throttled through CDP at each `--cpu` rate, default
 * 1,4), variants interleaved within each run: banner visible (first animation frame in which the
 * banner is rendered, as bench/run.mjs measures it) and the browser's own first-contentful-paint, ms
 * from navigation start. `--no-lighthouse`: only those.
 *
 * Lighthouse's simulated FCP (Lantern) is the mean of an optimistic and a pessimistic estimate;
 * the pessimistic one keeps every request of render-blocking priority (VeryHigh, or High for a
 * script) that finished before the paint observed in the unthrottled trace, and the script
 * evaluation behind it. Printed per variant: simulated FCP, observed FCP, and the page's own
 * requests with priority and whether they ended before the observed paint.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import os from 'node:os'
import { dirname, extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { benchPages, CHROMIUM_ARGS, flag, median } from './common.mjs'
import { runLighthouse } from './lighthouse.mjs'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = resolve(HERE, '..')
const NM = join(ROOT, 'node_modules')
const RUNS = Math.max(1, Number(flag('--runs', '3')) || 3)
const DIST = resolve(ROOT, flag('--dist', 'dist'))
const LATE_MS = 1500
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version
const UI_FILE = `cookiegate-ui-${VERSION}.js`
// name=folder pairs: the Cookiegate page with its loader served from that folder.
const DISTS = (flag('--loaders') ?? '')
  .split(',')
  .filter(Boolean)
  .map((pair) => pair.split('='))
  .map(([name, dir]) => [name, resolve(ROOT, dir)])
const argv = process.argv.slice(2)
const BANNER = argv.includes('--banner')
const LIGHTHOUSE = !argv.includes('--no-lighthouse')
const RATES = flag('--cpu', '1,4').split(',').map(Number).filter((n) => n >= 1)

const pages = await benchPages()
const page = pages.page
const PAGES = {
  none: page('none'),
  cookiegate: page('cookiegate'),
  'ui-false': page('cookiegate').replace('{"policyUrl":', '{"ui": false, "policyUrl":'),
  'ui-late': page('cookiegate').replace('src="/cookiegate.js"', 'src="/late/cookiegate.js"'),
  // The UI fetched as the loader would, but announced in <head> at low priority: import() then
  // reuses that module, and its request is no longer of render-blocking priority.
  'ui-preload': page('cookiegate').replace('<script src="/cookiegate.js" defer>', `<link rel="modulepreload" href="/${UI_FILE}">\n    <script src="/cookiegate.js" defer>`),
  'ui-preload-low': page('cookiegate').replace('<script src="/cookiegate.js" defer>', `<link rel="modulepreload" href="/${UI_FILE}" fetchpriority="low">\n    <script src="/cookiegate.js" defer>`),
  orejime: page('orejime'),
  'vanilla-cookieconsent': page('vanilla-cookieconsent'),
  ...Object.fromEntries(DISTS.map(([name]) => [name, page('cookiegate').replace('src="/cookiegate.js"', `src="/v/${name}/cookiegate.js"`)]))
}
if (!PAGES['ui-false'].includes('"ui": false')) throw new Error('ui-false: config not found in the page')
const VARIANTS = flag('--variants', Object.keys(PAGES).join(',')).split(',')

const TYPES = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' }
const MOUNTS = [
  ['/vendor/vanilla-cookieconsent/', join(NM, 'vanilla-cookieconsent/dist')],
  ['/vendor/orejime/', join(NM, 'orejime/dist')],
  // The same files; the UI (imported beside the loader, so under /late/ too) answers late.
  ['/late/', DIST],
  ...DISTS.map(([name, dir]) => [`/v/${name}/`, dir]),
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
    return prefix === '/late/' && path.endsWith(`/${UI_FILE}`) ? setTimeout(answer, LATE_MS) : answer()
  }
  res.writeHead(404, { 'Content-Type': 'text/plain' })
  res.end('not found')
})
await new Promise((r) => server.listen(0, '127.0.0.1', r))
const BASE = `http://127.0.0.1:${server.address().port}`

const range = (v) => (v.length ? `${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)}` : '–')
const cell = (values) => {
  let v = values.filter(Number.isFinite)
  return v.length ? `${median(v).toFixed(0)} (${range(v)})` : '–'
}

// ---------------------------------------------------------------- banner visible, in the bench's browser

const BANNERS = { orejime: '.orejime-Banner', 'vanilla-cookieconsent': '#cc-main .cm' }
const bannerOf = (id) => (id === 'none' || id === 'ui-false' ? null : (BANNERS[id] ?? '.cg-banner'))

/** Before any page script: the first frame that renders the banner, and the first contentful paint, through a binding. */
function instrument(selector) {
  let sent = {}
  let report = (type, t) => sent[type] ?? window.__fcpReport(JSON.stringify({ type, t: (sent[type] = t) }))
  new PerformanceObserver((list) => {
    for (let e of list.getEntries()) if (e.name === 'first-contentful-paint') report('fcp', e.startTime)
  }).observe({ type: 'paint', buffered: true })
  let find = () => document.querySelector(selector) || document.getElementById('cookiegate')?.shadowRoot?.querySelector(selector)
  let frame = () => {
    let el = find()
    let r = el?.getBoundingClientRect()
    if (r && r.width >= 1 && r.height >= 1 && r.bottom > 0 && r.top < innerHeight && el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return report('banner', performance.now())
    requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
}

async function bannerOnce(browser, id, rate) {
  let context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' })
  try {
    let page = await context.newPage()
    let cdp = await context.newCDPSession(page)
    let got = {}
    let done = new Promise((resolveDone) =>
      cdp.on('Runtime.bindingCalled', ({ name, payload }) => {
        if (name !== '__fcpReport') return
        let { type, t } = JSON.parse(payload)
        got[type] = t
        if ('banner' in got && 'fcp' in got) resolveDone()
      })
    )
    await cdp.send('Runtime.enable')
    await cdp.send('Runtime.addBinding', { name: '__fcpReport' })
    await cdp.send('Emulation.setCPUThrottlingRate', { rate })
    await page.addInitScript(instrument, bannerOf(id))
    await new Promise((r) => setTimeout(r, 300))
    await page.goto(`${BASE}/${id}.html`, { waitUntil: 'commit', timeout: 20000 })
    let timer
    await Promise.race([done, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${id} ${rate}×: no banner/FCP within 20 s (${JSON.stringify(got)})`)), 20000)))]).finally(() => clearTimeout(timer))
    return got
  } finally {
    await context.close().catch(() => {})
  }
}

let banner = null
if (BANNER) {
  let ids = VARIANTS.filter(bannerOf)
  banner = { runs: RUNS, rates: RATES, raw: {}, loads: [], failures: [] }
  let browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })
  for (let id of ids) await bannerOnce(browser, id, 1).catch(() => {}) // warm-up
  for (let rate of RATES)
    for (let run = 0; run < RUNS; run++) {
      for (let id of ids) {
        banner.loads.push(os.loadavg()[0])
        try {
          ;((banner.raw[id] ??= {})[rate] ??= []).push(await bannerOnce(browser, id, rate))
        } catch (error) {
          banner.failures.push({ id, rate, run, error: error.message })
          console.error(`  ✗ ${error.message}`)
        }
      }
      console.log(`  banner ${rate}× run ${run + 1}/${RUNS} done`)
    }
  await browser.close()
  let loads = banner.loads
  console.log(`\nIn the bench's browser: median (min–max) of ${RUNS} runs, ms from navigation start; 1-minute load average ${median(loads).toFixed(1)} (max ${Math.max(...loads).toFixed(1)}) on ${os.cpus().length} cores`)
  console.log(`| variant | ${RATES.map((r) => `banner visible ${r}× | FCP ${r}×`).join(' | ')} |\n| --- | ${RATES.map(() => '---: | ---:').join(' | ')} |`)
  for (let id of ids) console.log(`| ${id} | ${RATES.map((r) => `${cell((banner.raw[id]?.[r] ?? []).map((x) => x.banner))} | ${cell((banner.raw[id]?.[r] ?? []).map((x) => x.fcp))}`).join(' | ')} |`)
}

let result = LIGHTHOUSE ? await runLighthouse({ ids: VARIANTS, url: (id) => `${BASE}/${id}.html`, runs: RUNS, chromeFlags: CHROMIUM_ARGS, onProgress: (l) => console.log(l) }) : null
server.close()
pages.close()
if (!result) {
  writeFileSync(join(HERE, 'results-fcp.json'), JSON.stringify({ banner }, null, 2) + '\n')
  console.log('Wrote bench/results-fcp.json.')
  process.exit(0)
}

console.log(`\nLighthouse ${result.version}, median (min–max) of ${RUNS} runs, ms`)
console.log('| variant | simulated FCP | observed FCP | boot-up | TBT | scripts of High priority ended before the observed paint |\n| --- | ---: | ---: | ---: | ---: | --- |')
for (let id of VARIANTS) {
  let runs = result.raw[id]
  let col = (pick) => cell(runs.map(pick))
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
writeFileSync(join(HERE, 'results-fcp.json'), JSON.stringify({ ...result, banner }, null, 2) + '\n')
console.log('Wrote bench/results-fcp.json.')
console.log('\nRequests per variant (first run): url priority start→end ms')
for (let id of VARIANTS) {
  let r = result.raw[id][0]
  if (!r) continue
  console.log(`${id} (observed FCP ${r.observed.fcp?.toFixed(0)} ms): ${r.requests.map((q) => `${q.url} ${q.priority} ${q.start?.toFixed(0)}→${q.end?.toFixed(0)}`).join('; ')}`)
}
