#!/usr/bin/env node
/**
 * Server-rendered gating with cookiegate/server, in one node:http file (README "Server").
 *
 *   npm run build && node examples/server/server.mjs     (PORT=8080 by default)
 *
 * - A returning visitor who allowed analytics gets the analytics tag as a normal <script>: it
 *   starts as early as on a page without any consent library. Everyone else gets it gated
 *   (`type="text/plain" data-category`), and the script tag runs it once allowed.
 * - Withdrawal still works in the browser: `reloadOnWithdraw` reloads the page, and the server
 *   then renders the gated tag.
 * - No valid choice: the page preloads the banner's file (`preloadLinks`) so it loads with the HTML.
 * - Receipts go to POST /consent-receipts (kept in memory here; see cookiegate/server/postgres).
 */
import { readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { dirname, extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
// The package's own name: this file runs inside the package (Node resolves the self-reference to dist/).
import { createReceiptHandler, preloadLinks, readConsent, toNodeListener } from 'cookiegate/server'

const DIST = join(dirname(fileURLToPath(import.meta.url)), '../../dist')

// One config for the server and the browser: both must apply the same rules.
const CONFIG = {
  policyUrl: '/privacy',
  categories: { essential: { required: true }, analytics: { cookies: ['_example_analytics'] } },
  // A script that already ran cannot be unloaded: reload on withdrawal, and the server renders it gated.
  reloadOnWithdraw: true,
  receipts: { url: '/consent-receipts' }
}
// Where cookiegate.js is served; preloadLinks builds the banner's URL from it.
const BASE = '/cookiegate/'

const ANALYTICS_JS = `window.__analyticsStart = performance.now();
window.__analyticsRuns = (window.__analyticsRuns || 0) + 1;
document.cookie = '_example_analytics=1; path=/; max-age=31536000; SameSite=Lax';
`

/** The analytics tag: a normal script once allowed, else gated for the script tag to run later. */
const analyticsTag = (state) =>
  state.categories.analytics
    ? '<script src="/analytics.js" data-category="analytics"></script>'
    : '<script type="text/plain" data-category="analytics" src="/analytics.js"></script>'

const escapeJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c')

export function page(cookieHeader, { gpc = false } = {}) {
  let state = readConsent(cookieHeader, CONFIG)
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Server-rendered gating</title>
<link rel="icon" href="data:,">
${preloadLinks(state, { base: BASE, gpc })}
<script type="application/json" id="cookiegate-config">${escapeJson(CONFIG)}</script>
<script src="${BASE}cookiegate.js" defer></script>
${analyticsTag(state)}
</head>
<body>
<main><h1>Server-rendered gating</h1><p>Analytics ${state.categories.analytics ? 'allowed: its tag was rendered as a normal script' : 'not allowed: its tag was rendered gated'}.</p></main>
<footer><a href="#" data-cookie-settings>Cookie Settings</a></footer>
</body>
</html>`
}

const receipts = []
const receive = toNodeListener(createReceiptHandler({ store: { save: (receipt, meta) => void receipts.push({ receipt, ...meta }) } }))

const TYPES = { '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' }

export const server = createServer((req, res) => {
  let path = new URL(req.url || '/', 'http://x').pathname
  if (path === '/consent-receipts') return receive(req, res)
  if (path === '/receipts.json') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(receipts))
  if (path === '/analytics.js') return res.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-store' }).end(ANALYTICS_JS)
  if (path.startsWith(BASE)) {
    let file = normalize(join(DIST, path.slice(BASE.length)))
    try {
      if (file.startsWith(DIST + sep) && statSync(file).isFile()) return res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' }).end(readFileSync(file))
    } catch {}
    return res.writeHead(404).end()
  }
  if (path === '/' || path === '/index.html') {
    // The HTML depends on the cookie: never let a shared cache hand one visitor's page to another.
    return res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private, no-store', vary: 'Cookie' })
      .end(page(req.headers.cookie, { gpc: req.headers['sec-gpc'] === '1' }))
  }
  res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
})

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  server.listen(Number(process.env.PORT ?? 8080), process.env.HOST || '127.0.0.1', () => {
    console.log(`listening on http://${process.env.HOST || '127.0.0.1'}:${server.address().port}/`)
  })
}
