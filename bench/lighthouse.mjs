/**
 * Lighthouse beside the bench's own rows: the same bench pages, the same run (bench/run.mjs calls
 * runLighthouse once its own runs are done, while its servers are still up).
 *
 * Lighthouse 12.2.3 (13.x needs Node 22) through its CLI, one process per run, each launching the
 * system Chromium with a fresh profile: mobile form factor and simulated throttling (its defaults,
 * spelled out below), performance category only. Its timings are simulated from a trace and vary a
 * lot on a shared machine, so libraries interleave within each run and only medians are compared.
 * The raw results keep, per run, boot-up per script, the observed (unthrottled) paint and the
 * requests with their priorities: what Lighthouse bases its simulated FCP on.
 */
import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const CLI = join(dirname(createRequire(import.meta.url).resolve('lighthouse/package.json')), 'cli/index.js')

// What the table shows: [row label, audit id]. numericValue is in ms for all three.
export const LIGHTHOUSE_AUDITS = [
  ['JavaScript boot-up', 'bootup-time'],
  ['First Contentful Paint', 'first-contentful-paint'],
  ['Total Blocking Time', 'total-blocking-time']
]
// Kept in the raw results too, to explain the three above.
const EXTRA = ['largest-contentful-paint', 'speed-index', 'mainthread-work-breakdown', 'max-potential-fid']

const median = (values) => {
  let v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b)
  if (!v.length) return null
  let m = v.length >> 1
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2
}

/** One Lighthouse run of `url`: the audits' numeric values, and boot-up per script. */
function lighthouseOnce(url, { chromePath, chromeFlags, timeoutMs }) {
  let args = [
    CLI,
    url,
    `--chrome-path=${chromePath}`,
    `--chrome-flags=${chromeFlags.join(' ')}`,
    '--only-categories=performance',
    '--form-factor=mobile',
    '--throttling-method=simulate',
    '--output=json',
    '--output-path=stdout',
    '--quiet'
  ]
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 128 * 1024 * 1024, timeout: timeoutMs, killSignal: 'SIGINT' }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`lighthouse ${url}: ${error.message.split('\n')[0]} ${String(stderr).slice(-500)}`))
      let lhr
      try {
        lhr = JSON.parse(stdout)
      } catch {
        return reject(new Error(`lighthouse ${url}: output is not JSON`))
      }
      if (lhr.runtimeError) return reject(new Error(`lighthouse ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`))
      let out = { lighthouse: lhr.lighthouseVersion, userAgent: lhr.environment?.hostUserAgent, audits: {}, bootup: [], warnings: lhr.runWarnings ?? [] }
      for (let [, id] of LIGHTHOUSE_AUDITS) out.audits[id] = lhr.audits[id]?.numericValue ?? null
      for (let id of EXTRA) out.audits[id] = lhr.audits[id]?.numericValue ?? null
      // Per script: total, scripting, parse + compile (ms), as Lighthouse attributes them. Boot-up
      // counts a script only when all main-thread time attributed to it reaches 50 ms (simulated),
      // so a file near that line (the loader is) makes the total jump between runs.
      for (let item of lhr.audits['bootup-time']?.details?.items ?? [])
        out.bootup.push({ url: String(item.url).replace(/^https?:\/\/[^/]+/, ''), total: item.total, scripting: item.scripting, parseCompile: item.scriptParseCompile })
      // What Total Blocking Time adds up: the long tasks, simulated, with the script each is attributed to.
      out.longTasks = (lhr.audits['long-tasks']?.details?.items ?? []).map((t) => ({ url: String(t.url).replace(/^https?:\/\/[^/]+/, ''), start: t.startTime, duration: t.duration }))
      // The unthrottled paint, and which requests Lighthouse
      // could count as render-blocking (a High-priority script that finished before that paint is one).
      let observed = lhr.audits.metrics?.details?.items?.[0] ?? {}
      out.observed = { fcp: observed.observedFirstContentfulPaint ?? null, dcl: observed.observedDomContentLoaded ?? null, load: observed.observedLoad ?? null }
      out.requests = (lhr.audits['network-requests']?.details?.items ?? []).map((r) => ({
        url: String(r.url).replace(/^https?:\/\/[^/]+/, ''),
        type: r.resourceType,
        priority: r.priority,
        start: r.networkRequestTime,
        end: r.networkEndTime
      }))
      resolve(out)
    })
  })
}

/**
 * `runs` Lighthouse runs of every page in `ids` (interleaved: run 1 of each, then run 2 ...).
 * Returns { raw: { id: [run...] }, summary: { id: { auditId: median } }, failures: [...] }.
 */
export async function runLighthouse({ ids, url, runs, chromePath = '/usr/bin/chromium', chromeFlags, timeoutMs = 180000, onProgress = () => {} }) {
  let raw = Object.fromEntries(ids.map((id) => [id, []]))
  let failures = []
  // Warm-up, not recorded: the first launch pays for disk caches.
  await lighthouseOnce(url(ids[0]), { chromePath, chromeFlags, timeoutMs }).catch(() => {})
  for (let run = 0; run < runs; run++) {
    for (let id of ids) {
      try {
        raw[id].push(await lighthouseOnce(url(id), { chromePath, chromeFlags, timeoutMs }))
      } catch (error) {
        failures.push({ id, run, error: String(error.message || error).slice(0, 1000) })
        onProgress(`  ✗ lighthouse ${id} run ${run + 1}: ${String(error.message || error).split('\n')[0]}`)
      }
    }
    onProgress(`  lighthouse run ${run + 1}/${runs} done`)
  }
  let summary = {}
  for (let id of ids) {
    summary[id] = { runs: raw[id].length, range: {} }
    for (let key of [...LIGHTHOUSE_AUDITS.map(([, a]) => a), ...EXTRA]) {
      let values = raw[id].map((r) => r.audits[key]).filter((x) => typeof x === 'number' && Number.isFinite(x))
      summary[id][key] = median(values)
      summary[id].range[key] = values.length ? [Math.min(...values), Math.max(...values)] : null
    }
  }
  return { version: raw[ids[0]]?.[0]?.lighthouse ?? null, runs, raw, summary, failures }
}

/** Table rows in the bench's shape: [label, median (min–max) per id..., Cookiegate / competitor ratio...]. */
export function lighthouseRows(result, ids, competitors, { ms, ratio }) {
  return LIGHTHOUSE_AUDITS.map(([label, audit]) => {
    let v = Object.fromEntries(ids.map((id) => [id, result.summary[id]?.[audit] ?? null]))
    let range = (id) => result.summary[id]?.range?.[audit]
    let cell = (id) => ms(v[id]) + (range(id) ? ` (${range(id).map((x) => x.toFixed(0)).join('–')})` : '')
    return [`Lighthouse (mobile, simulated): ${label}, median (min–max)`, ...ids.map(cell), ...competitors.map((c) => ratio(v.cookiegate, v[c]))]
  })
}
