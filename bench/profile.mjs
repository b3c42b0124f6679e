#!/usr/bin/env node
/**
 * Where Cookiegate's start-up time goes, on the bench page (`node bench/run.mjs --page cookiegate`).
 *
 *   node bench/profile.mjs                         CPU profile at 4× of a first and a returning visit,
 *                                                  top costs by function and by file
 *   node bench/profile.mjs --maps DIR              name functions through the source maps in DIR
 *                                                  (a build with `--sourcemap --outDir DIR`, see below)
 *   node bench/profile.mjs --time --runs 7 --dist hint=dist,nohint=/tmp/nohint
 *                                                  no profiler: timings only, folders interleaved
 *
 * Source maps without touching dist/: `npx vite build --mode ui --sourcemap --outDir DIR && npx vite
 * build --mode iife --sourcemap --outDir DIR` gives the same code as dist/ plus .map files. The
 * compile-hint line that vite.config.ts prepends after the map is made is allowed for (one line).
 *
 * Each run: a fresh browser context, CPU throttled through CDP `Emulation.setCPUThrottlingRate`,
 * files served from loopback without caching. First visit: until the banner is rendered (first
 * animation frame in which `.cg-banner` has a box and is visible). Returning visit: an earlier view
 * (not measured, 1×) accepts all; the measured view runs until the gated analytics script's first
 * line. Then 300 ms more, so work right after that moment is counted too. Reported per run:
 * that moment (ms from navigation start), ScriptDuration and TaskDuration (CDP Performance).
 * With the profiler: self time per function and per file, summed over the window (sampling every
 * 100 µs; "(program)" is the renderer's own work: parsing, style, layout, paint, compiling).
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { dirname, extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { benchPages, CHROMIUM_ARGS, flag, median } from './common.mjs'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = resolve(HERE, '..')
const argv = process.argv.slice(2)
const RUNS = Math.max(1, Number(flag('--runs', '1')) || 1)
const RATE = Number(flag('--cpu', '4')) || 4
const TIME_ONLY = argv.includes('--time')
// With --time: also trace the renderer and add up its main thread's CPU time (trace `tdur`, thread
// time: unlike wall time it hardly moves when other work on the machine takes the core away).
const CPU_TIME = argv.includes('--cputime')
const TOP = Number(flag('--top', '10')) || 10
const OUT = flag('--out') // save the .cpuprofile files here
const MAPS = flag('--maps')
const KINDS = flag('--visits', 'first,returning').split(',')
// name=folder pairs served in turn (run 1 of each, run 2 of each ...); default: dist/ alone.
const DISTS = flag('--dist', 'dist')
  .split(',')
  .map((pair) => (pair.includes('=') ? pair.split('=') : [pair, pair]))
  .map(([name, dir]) => [name, resolve(ROOT, dir)])

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

// ---------------------------------------------------------------- page and files

const pages = await benchPages()
const PAGE = pages.page('cookiegate')

const TYPES = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.html': 'text/html; charset=utf-8' }
let current = DISTS[0][1]
const server = createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url, 'http://x').pathname)
  let body = null
  let type = TYPES['.html']
  if (path === '/cookiegate.html') body = PAGE
  else {
    let full = normalize(join(current, path))
    if (full.startsWith(current + sep) && existsSync(full) && statSync(full).isFile()) {
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

/** Before any page script: report the banner's first rendered frame and the analytics start through a binding. */
function instrument() {
  let report = (type, t) => window.__profileReport(JSON.stringify({ type, t }))
  Object.defineProperty(window, '__analyticsStart', { configurable: true, set: (t) => { report('analytics', t) }, get: () => undefined })
  let frame = () => {
    // Light DOM, or the open shadow root of #cookiegate (as bench/run.mjs looks it up).
    let el = document.querySelector('.cg-banner') || document.getElementById('cookiegate')?.shadowRoot?.querySelector('.cg-banner')
    let r = el?.getBoundingClientRect()
    if (r && r.width > 0 && r.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return report('banner', performance.now())
    requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })

async function openPage(context, rate) {
  let page = await context.newPage()
  if (process.env.PROFILE_DEBUG) page.on('console', (m) => console.error('page:', m.text()))
  if (process.env.PROFILE_DEBUG) page.on('pageerror', (e) => console.error('page error:', e.message))
  let cdp = await context.newCDPSession(page)
  let waiters = {}
  let wait = (type) => (waiters[type] ??= Promise.withResolvers?.() ?? (() => { let o = {}; o.promise = new Promise((r) => (o.resolve = r)); return o })())
  cdp.on('Runtime.bindingCalled', ({ name, payload }) => {
    if (name !== '__profileReport') return
    let { type, t } = JSON.parse(payload)
    wait(type).resolve(t)
  })
  await cdp.send('Runtime.enable')
  await cdp.send('Runtime.addBinding', { name: '__profileReport' })
  await cdp.send('Performance.enable')
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
  await page.addInitScript(instrument)
  let until = (type, ms = 20000) => Promise.race([wait(type).promise, sleep(ms).then(() => { throw new Error(`no '${type}' within ${ms} ms`) })])
  return { page, cdp, until }
}

async function visit(kind, profile) {
  let context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' })
  try {
    if (kind === 'returning') {
      let first = await openPage(context, 1)
      await first.page.goto(URL_)
      await first.until('banner')
      await first.page.locator('.cg-banner button', { hasText: 'Accept all' }).first().click()
      await first.until('analytics')
      await first.page.close()
    }
    let { page, cdp, until } = await openPage(context, RATE)
    let trace = []
    let traced = null
    if (profile || CPU_TIME) {
      // The renderer's own work ("(program)" in the profile), named: a trace of the same window.
      cdp.on('Tracing.dataCollected', ({ value }) => trace.push(...value))
      traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r))
      await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'v8', 'v8.execute', 'blink', 'loading'] } })
    }
    if (profile) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
      await cdp.send('Profiler.start')
    }
    await sleep(200)
    await page.goto(URL_, { waitUntil: 'commit' })
    let t = await until(kind === 'first' ? 'banner' : 'analytics')
    await sleep(300)
    let cpuProfile = profile ? (await cdp.send('Profiler.stop')).profile : null
    if (profile || CPU_TIME) {
      await cdp.send('Tracing.end')
      await traced
    }
    let { metrics } = await cdp.send('Performance.getMetrics')
    let metric = (name) => metrics.find((m) => m.name === name).value * 1000
    return { t, script: metric('ScriptDuration'), task: metric('TaskDuration'), cpuProfile, trace: profile ? traceSelf(trace) : null, cpu: CPU_TIME ? traceCpu(trace) : null }
  } finally {
    await context.close()
  }
}

// ---------------------------------------------------------------- profile → self time

const require = createRequire(import.meta.url)
let SourceMapConsumer = null
try {
  ;({ SourceMapConsumer } = require('source-map-js'))
} catch {}
const consumers = new Map()
/** Source position of a generated one, through DIR/<file>.map (the compile hint adds one line on top). */
function original(url, line, column) {
  if (!MAPS || !SourceMapConsumer || !url) return null
  let file = new URL(url).pathname.slice(1)
  if (!consumers.has(file)) {
    let map = join(resolve(ROOT, MAPS), file + '.map')
    let code = join(resolve(ROOT, MAPS), file)
    consumers.set(file, existsSync(map) ? { c: new SourceMapConsumer(JSON.parse(readFileSync(map, 'utf8'))), shift: readFileSync(code, 'utf8').startsWith('//# allFunctionsCalledOnLoad') ? 1 : 0 } : null)
  }
  let m = consumers.get(file)
  if (!m) return null
  if (line + 1 - m.shift < 1) return '(compile-hint line)'
  let pos = m.c.originalPositionFor({ line: line + 1 - m.shift, column })
  // A dependency's own minified file (preact ships one, with its map): one step further.
  if (pos.source) {
    let inner = resolve(join(resolve(ROOT, MAPS), dirname(file)), pos.source) + '.map'
    if (existsSync(inner)) {
      if (!consumers.has(inner)) consumers.set(inner, { c: new SourceMapConsumer(JSON.parse(readFileSync(inner, 'utf8'))), shift: 0 })
      let deeper = consumers.get(inner).c.originalPositionFor({ line: pos.line, column: pos.column })
      if (deeper.source) pos = { ...deeper, source: `${pos.source.replace(/[^/]*$/, '')}${deeper.source}` }
    }
  }
  return pos.source ? `${pos.source.replace(/^(\.\.\/)+/, '').replace(/^node_modules\//, '')}:${pos.line}${pos.name ? ' ' + pos.name : ''}` : null
}

function selfTimes(profile) {
  let byId = new Map(profile.nodes.map((n) => [n.id, n]))
  let self = new Map()
  for (let i = 0; i < profile.samples.length; i++) {
    let dt = (profile.timeDeltas[i + 1] ?? 0) / 1000
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt)
  }
  let fns = new Map()
  let files = new Map()
  for (let [id, ms] of self) {
    let { functionName, url, lineNumber, columnNumber } = byId.get(id).callFrame
    let file = url ? new URL(url).pathname : functionName.startsWith('(') ? functionName : '(native)'
    let where = url ? original(url, lineNumber, columnNumber) : null
    let key = `${functionName || '(anonymous)'} ${url ? `${file}:${lineNumber + 1}:${columnNumber + 1}` : ''}${where ? ` ← ${where}` : ''}`
    fns.set(key, (fns.get(key) ?? 0) + ms)
    files.set(file, (files.get(file) ?? 0) + ms)
  }
  return { fns, files }
}

/**
 * Self time per trace event name on the busiest renderer main thread: complete events ('X') nest,
 * so each one's duration minus its children's is what that step itself cost.
 */
function traceSelf(events) {
  let main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`))
  let byThread = new Map()
  for (let e of events) {
    if (e.ph !== 'X' || !main.has(`${e.pid}:${e.tid}`) || !e.dur) continue
    let key = `${e.pid}:${e.tid}`
    if (!byThread.has(key)) byThread.set(key, [])
    byThread.get(key).push(e)
  }
  let [list = []] = [...byThread.values()].sort((a, b) => b.reduce((n, e) => n + e.dur, 0) - a.reduce((n, e) => n + e.dur, 0))
  list.sort((a, b) => a.ts - b.ts || b.dur - a.dur)
  let self = new Map()
  let stack = []
  for (let e of list) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop()
    let parent = stack.at(-1)
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur / 1000)
    let label = e.name === 'EvaluateScript' || e.name === 'v8.compile' || e.name === 'v8.compileModule' ? `${e.name} ${String(e.args?.data?.url ?? e.args?.fileName ?? '').replace(/^https?:\/\/[^/]+/, '')}` : e.name
    e.name = label
    self.set(label, (self.get(label) ?? 0) + e.dur / 1000)
    stack.push(e)
  }
  return self
}

/** Main-thread CPU time (ms): all of it (top-level events), and per script its evaluation and compile. */
function traceCpu(events) {
  let main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`))
  let byThread = new Map()
  for (let e of events) if (e.ph === 'X' && main.has(`${e.pid}:${e.tid}`)) (byThread.get(`${e.pid}:${e.tid}`) ?? byThread.set(`${e.pid}:${e.tid}`, []).get(`${e.pid}:${e.tid}`)).push(e)
  // The measured page's thread: the one that parsed the page (the trace may hold other renderers).
  let parsed = (list) => list.some((e) => e.name === 'ParseHTML' && /cookiegate\.html/.test(e.args?.beginData?.url ?? ''))
  let [list = []] = [...byThread.values()].sort((a, b) => parsed(b) - parsed(a) || b.length - a.length)
  list.sort((a, b) => a.ts - b.ts || b.dur - a.dur)
  let out = { total: 0 }
  let end = -Infinity
  for (let e of list) {
    if (e.ts >= end) {
      out.total += (e.tdur ?? 0) / 1000
      end = e.ts + (e.dur ?? 0)
    }
    if (!['EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule'].includes(e.name)) continue
    let url = String(e.args?.data?.url ?? e.args?.fileName ?? '').replace(/^https?:\/\/[^/]+/, '').replace(/\?.*$/, '')
    let key = `${e.name} ${url}`
    out[key] = (out[key] ?? 0) + (e.tdur ?? 0) / 1000
  }
  return out
}

const add = (into, from) => {
  for (let [k, v] of from) into.set(k, (into.get(k) ?? 0) + v)
}
const top = (map, n, runs) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / runs).toFixed(1).padStart(7)} ms  ${k}`)

// ---------------------------------------------------------------- runs

let results = {}
if (OUT) mkdirSync(OUT, { recursive: true })
await visit('first', false).catch(() => {}) // warm-up
for (let run = 0; run < RUNS; run++) {
  for (let [name, dir] of DISTS) {
    current = dir
    for (let kind of KINDS) {
      let slot = ((results[name] ??= {})[kind] ??= { runs: [], fns: new Map(), files: new Map(), trace: new Map() })
      try {
        let r = await visit(kind, !TIME_ONLY)
        if (r.cpuProfile) {
          let { fns, files } = selfTimes(r.cpuProfile)
          add(slot.fns, fns)
          add(slot.files, files)
          add(slot.trace, r.trace)
          if (OUT) writeFileSync(join(OUT, `${name}-${kind}-${run + 1}.cpuprofile`), JSON.stringify(r.cpuProfile))
        }
        slot.runs.push({ t: r.t, script: r.script, task: r.task, cpu: r.cpu })
      } catch (error) {
        console.error(`✗ ${name} ${kind} run ${run + 1}: ${error.message}`)
      }
    }
  }
}
await browser.close()
server.close()
pages.close()

const fmt = (values) => {
  let v = values.filter(Number.isFinite)
  return v.length ? `${median(v).toFixed(0)} (${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)})` : '–'
}
console.log(`CPU ${RATE}×, ${RUNS} run(s); median (min–max), ms`)
console.log(`| folder | visit | banner / analytics at | ScriptDuration | TaskDuration | runs |\n| --- | --- | ---: | ---: | ---: | ---: |`)
for (let [name] of DISTS)
  for (let kind of KINDS) {
    let s = results[name]?.[kind]
    if (!s) continue
    console.log(`| ${name} | ${kind} | ${fmt(s.runs.map((r) => r.t))} | ${fmt(s.runs.map((r) => r.script))} | ${fmt(s.runs.map((r) => r.task))} | ${s.runs.length} |`)
  }
if (CPU_TIME) {
  console.log(`\nMain-thread CPU time (thread time from the trace, not wall time); median (min–max), ms`)
  for (let [name] of DISTS)
    for (let kind of KINDS) {
      let s = results[name]?.[kind]
      if (!s?.runs.length) continue
      let keys = [...new Set(s.runs.flatMap((r) => Object.keys(r.cpu ?? {})))].filter((k) => k === 'total' || /cookiegate/.test(k)).sort()
      console.log(`${name} ${kind}: ${keys.map((k) => `${k} ${fmt(s.runs.map((r) => r.cpu?.[k] ?? 0))}`).join('; ')}`)
    }
}
if (!TIME_ONLY)
  for (let [name] of DISTS)
    for (let kind of KINDS) {
      let s = results[name]?.[kind]
      if (!s?.runs.length) continue
      console.log(`\n${name}, ${kind} visit: self time per run, by file\n${top(s.files, TOP, s.runs.length).join('\n')}`)
      console.log(`\n${name}, ${kind} visit: self time per run, by function\n${top(s.fns, TOP * 2, s.runs.length).join('\n')}`)
      console.log(`\n${name}, ${kind} visit: renderer main thread, self time per run, by trace event\n${top(s.trace, TOP * 2, s.runs.length).join('\n')}`)
    }
