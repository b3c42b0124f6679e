/** What bench/profile.mjs and bench/fcp.mjs share: the command line, the Chromium flags, a median, the bench page. */
import { spawnSync } from 'node:child_process'
import { createServer } from 'node:http'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = dirname(fileURLToPath(import.meta.url))

/** `--name value` from the command line, else `fallback`. */
export const flag = (name, fallback) => {
  let argv = process.argv.slice(2)
  let i = argv.indexOf(name)
  return i >= 0 ? argv[i + 1] : fallback
}

// The flags bench/run.mjs launches Chromium with.
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

export const median = (values) => {
  let v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b)
  if (!v.length) return null
  let m = v.length >> 1
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2
}

/**
 * A stand-in for the bench's analytics origin (its script only records when it started) and
 * `page(id)`: the bench page of that library (`bench/run.mjs --page id`), pointing at it.
 */
export async function benchPages() {
  let analytics = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' })
    res.end('window.__analyticsStart = performance.now();\n')
  })
  await new Promise((r) => analytics.listen(0, '127.0.0.1', r))
  let page = (id) => {
    let out = spawnSync(process.execPath, [join(HERE, 'run.mjs'), '--page', id], { encoding: 'utf8' })
    if (out.status !== 0) throw new Error(`bench/run.mjs --page ${id} failed: ${out.stderr}`)
    return out.stdout.replace(/http:\/\/127\.0\.0\.1:\d+\/analytics\.js/g, `http://127.0.0.1:${analytics.address().port}/analytics.js`)
  }
  return { page, close: () => analytics.close() }
}
