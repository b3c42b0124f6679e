#!/usr/bin/env node
/**
 * Cookiegate vs. other consent libraries, side by side in a real Chromium.
 *
 *   npm run bench               (builds, runs this file: the table of record, 7 runs, then bench/readme.mjs)
 *   node bench/run.mjs --runs 9 (more runs per library and CPU rate; default 7)
 *   node bench/run.mjs --only cookiegate,orejime
 *   node bench/run.mjs --lighthouse-only --runs 3   (only the Lighthouse rows, bench/lighthouse.mjs;
 *                                 prints them and writes bench/results-lighthouse.json)
 *   node bench/run.mjs --no-lighthouse             (only the bench's own rows)
 *   node bench/run.mjs --lighthouse-runs 5         (Lighthouse runs per page; default: --runs, at least 3)
 *   node bench/run.mjs --runs 1 --lighthouse-runs 1 --cpu 1 --only cookiegate,orejime   (a smoke run)
 *   node bench/readme.mjs       (afterwards: copies the tables into README.md, see that file)
 *
 * Pages: Cookiegate's script tag as the README's quick start has it; the same page rendered by a
 * server with cookiegate/server, with and without the banner file's preload (`preloadLinks`);
 * vanilla-cookieconsent; Orejime; no library. Results: bench/results.md (a targets table of issue
 * #15 computed from this run, then every figure) and bench/results.json (per-run values too).
 *
 * One identical marketing page per library (same markup, same two categories: essential
 * required + analytics optional, the same gated analytics script from a SECOND loopback origin,
 * the same footer "Cookie Settings" link), plus a "none" page with the analytics script as a plain
 * <script src> and no consent library. Pages and files are served by node:http on 127.0.0.1 with
 * gzip (zlib level 6, like `gzip -c`) and `Cache-Control: no-store`, so every page view pays
 * for everything it loads (a returning visitor's bytes are what that view needs, not what a warm
 * cache happens to hold). Debian's /usr/bin/chromium is driven by playwright-core; every run gets
 * a fresh browser context; CPU is throttled through CDP `Emulation.setCPUThrottlingRate`.
 *
 * How each figure is measured (all times are from navigation start, i.e. `performance.now()`
 * in the measured document, whose time origin is the navigation):
 * - bytes: gzip body bytes our server actually wrote for the view's requests to the PAGE origin
 *   whose type is JS or CSS (the library's cost; the HTML and the analytics origin are excluded).
 *   Runs are strictly sequential, so the server attributes requests to the view in progress.
 *   "Until the banner is visible": the same, for the files whose Resource Timing entry (added once
 *   a response is complete) is there in the frame that first shows the banner.
 * - banner visible: an init script (page.addInitScript, installed before any page script) runs a
 *   requestAnimationFrame loop from document start. In each frame it looks up the library's banner
 *   element and records `performance.now()` in the first frame in which the element is rendered:
 *   non-empty box inside the viewport and `checkVisibility({opacityProperty, visibilityProperty})`,
 *   i.e. not display:none, not visibility:hidden, no opacity:0 on it or an ancestor. A rAF
 *   callback runs just before that frame is painted, so this is "the frame that first shows the
 *   banner" for every library alike, whether it appears at once or fades in (CSS transitions
 *   are already advanced for the frame when rAF callbacks run). A MutationObserver records when the
 *   element entered the DOM (kept in results.json as `bannerInDom`).
 * - script time: CDP `Performance.getMetrics` ScriptDuration of the page, read once the page
 *   reports idle: `load` has fired and the banner is visible (first visit) or the analytics script
 *   has started (returning visit), then an idle callback that did not time out, 500 ms, another
 *   idle callback. Performance.enable is sent before the navigation. The page reports through a
 *   CDP binding (`Runtime.addBinding`), so the bench evaluates nothing in the page until the figures
 *   are taken. It includes the small constant cost of the bench's own init script; "none" is the floor.
 * - long tasks: PerformanceObserver 'longtask' (buffered), counted up to the same point.
 * - CLS: sum of 'layout-shift' entries without recent input, up to the same point.
 * - returning visit: in the same context, a first view clicks the library's own "accept all"
 *   button and waits for the analytics script to run; that page is closed and a NEW page view of
 *   the same URL is measured. Analytics start = `window.__analyticsStart`, set with
 *   `performance.now()` on the first line of the analytics script.
 * - returning, JS executed: one more returning view per page at 1×, not timed, under V8 precise
 *   block coverage (playwright's JS coverage: Profiler.startPreciseCoverage, callCount + detailed),
 *   for the page origin's script files. "Files that ran": the gzip bytes served for every file of
 *   which some code ran. "Executed code only": the characters inside blocks that ran at least once
 *   (innermost range wins), joined and gzipped at the server's level: a lower bound, as the whole
 *   file is still downloaded, parsed and (with the compile hint) compiled.
 * - three gated tags: a returning visitor (accepted all on the bench page) opens the same page with
 *   the library's gated tag three times over (`/tag.js?n=1..3` on the analytics origin, each answering
 *   TAG_MS late, as a far third-party host would); measured: when the third tag's first line ran, and
 *   the order the tags ran in (out of order fails the run for Cookiegate; a competitor's is noted).
 *   Not for the server-rendered pages, whose server writes the allowed tags as plain ones.
 * - preferences: on that returning view, the footer link is scrolled into view, then clicked with a
 *   plain mouse click at its centre (pointer moves there, presses, releases; no hover time, so any
 *   hover-preloading a library does starts with the click). Time = from the click event's
 *   `timeStamp` (a capturing listener on window) to the first animation frame in which the
 *   library's preferences dialog is rendered (same test as the banner). Bytes = what was fetched
 *   from just before the click until then.
 *
 * Every wait has a timeout; a run that fails is retried once, and reported; lost runs are left
 * out of the medians. Exit code 1 when a run was lost or a check failed (e.g. a script ran before
 * consent). The 1-minute load average is recorded: on a busy machine the timings are noisy.
 * Timings show the median and, for the banner and Lighthouse, the min–max of the runs beside it.
 * Writes bench/results.json and bench/results.md.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import os from 'node:os'
import { dirname, extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { lighthouseRows, runLighthouse } from './lighthouse.mjs'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = resolve(HERE, '..')
const DIST = join(ROOT, 'dist')
const NM = join(ROOT, 'node_modules')

// ---------------------------------------------------------------- options

const argv = process.argv.slice(2)
const flag = (name) => {
  let i = argv.indexOf(name)
  return i >= 0 ? argv[i + 1] : undefined
}
const RUNS = Math.max(1, Number.parseInt(flag('--runs') ?? '7', 10) || 7)
const THROTTLES = (flag('--cpu') ?? '1,4').split(',').map(Number).filter((n) => n >= 1)
const ONLY = flag('--only')?.split(',')
// --screenshots DIR: save what each library showed (banner, preferences) to check the selectors by eye.
const SHOTS = flag('--screenshots')
// Lighthouse rows (bench/lighthouse.mjs), after the bench's own runs.
const LIGHTHOUSE_ONLY = argv.includes('--lighthouse-only')
const LIGHTHOUSE = LIGHTHOUSE_ONLY || !argv.includes('--no-lighthouse')
// `--lighthouse-runs N` (fewer only for a smoke run: its timings vary a lot from run to run).
const LIGHTHOUSE_RUNS = flag('--lighthouse-runs') ? Math.max(1, Number.parseInt(flag('--lighthouse-runs'), 10) || 1) : Math.max(3, RUNS)

// Timeouts (ms). Generous for 4× throttling on a slow 2-core machine, but always bounded.
// QUIET: pause before each measured step so the previous page's teardown is not measured.
const QUIET = 300
const T = { nav: 20000, banner: 15000, analytics: 10000, modal: 10000, idle: 8000, step: 20000, total: 10 * 60000 }

if (!existsSync(join(DIST, 'cookiegate.js'))) {
  console.error('dist/cookiegate.js is missing: run `npm run build` first (or only its vite passes, see the "build" script in package.json).')
  process.exit(1)
}

// ---------------------------------------------------------------- helpers

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** Rejects after `ms`; the losing promise's later rejection is swallowed. */
function timeout(promise, ms, what) {
  promise.catch(() => {})
  let timer
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms)
    })
  ]).finally(() => clearTimeout(timer))
}

const median = (values) => {
  let v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b)
  if (!v.length) return null
  let m = v.length >> 1
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2
}

// ---------------------------------------------------------------- servers

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml'
}
const kindOf = (type) => (/javascript/.test(type) ? 'js' : /css/.test(type) ? 'css' : /html/.test(type) ? 'html' : 'other')

/** Every response either server sent, in order; a view's requests are the slice since its mark. */
const log = []
const gzipCache = new Map()

function send(req, res, origin, status, type, body, path) {
  let gzip = /\bgzip\b/.test(req.headers['accept-encoding'] || '')
  if (gzip) {
    let key = body
    let packed = gzipCache.get(key)
    if (!packed) gzipCache.set(key, (packed = gzipSync(body, { level: 6 })))
    body = packed
  }
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    Vary: 'Accept-Encoding',
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {})
  })
  res.end(req.method === 'HEAD' ? undefined : body)
  log.push({ origin, path, status, kind: kindOf(type), bytes: body.length, gzip, at: Date.now() })
}

/** A file under `base`, or null (no escaping the folder). */
function fileUnder(base, rel) {
  let full = normalize(join(base, rel))
  if (full !== base && !full.startsWith(base + sep)) return null
  try {
    return statSync(full).isFile() ? full : null
  } catch {
    return null
  }
}

function listen(server) {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolveListen(server.address().port))
  })
}

// The gated script: first line records when it started; then it behaves like an analytics tag.
const ANALYTICS_JS = `window.__analyticsStart = performance.now();
window.__analyticsRuns = (window.__analyticsRuns || 0) + 1;
document.cookie = '_bench_analytics=' + Math.random().toString(36).slice(2) + '; path=/; max-age=31536000; SameSite=Lax';
(window.dataLayer = window.dataLayer || []).push({ event: 'page_view', page: location.pathname, t: Date.now() });
`

// The three-tag page's tags (`/tag.js?n=1..3`): each answers TAG_MS late, as a third-party host
// across the internet would, and records its place; the third one's first line counts as the
// analytics start, so the returning view waits for it as for the single tag.
const TAG_MS = 100
const tagJs = (n) => `(window.__tagOrder = window.__tagOrder || []).push(${n});${n === 3 ? '\nwindow.__analyticsStart = performance.now();' : ''}\n`

const analyticsServer = createServer((req, res) => {
  let url = new URL(req.url, 'http://x')
  let path = url.pathname
  if (path === '/analytics.js') return send(req, res, 'analytics', 200, TYPES['.js'], Buffer.from(ANALYTICS_JS), path)
  let n = Number(url.searchParams.get('n'))
  if (path === '/tag.js' && [1, 2, 3].includes(n)) return void setTimeout(() => send(req, res, 'analytics', 200, TYPES['.js'], Buffer.from(tagJs(n)), path), TAG_MS)
  send(req, res, 'analytics', 404, 'text/plain', Buffer.from('not found'), path)
})
const ANALYTICS_PORT = await listen(analyticsServer)
const ANALYTICS_URL = `http://127.0.0.1:${ANALYTICS_PORT}/analytics.js`

// ---------------------------------------------------------------- the page and the libraries

// Banner copy shared by the libraries that take texts from the page (vanilla-cookieconsent has
// none built in); Cookiegate and Orejime use their own built-in English.
const COPY = {
  title: 'Cookies on this site',
  text: 'We use essential cookies to make this site work. With your permission we would also like to use analytics cookies to learn how the site is used. You can change your choice at any time under Cookie Settings.',
  prefsTitle: 'Cookie settings',
  prefsText: 'Choose which cookies we may use. Essential cookies are always on because the site cannot work without them.',
  essential: ['Essential', 'Needed for the site to work, for example to keep you signed in and to remember this choice. They cannot be turned off.'],
  analytics: ['Analytics', 'Help us understand how the site is used so we can improve it. Off unless you turn them on.']
}

const VCC_CONFIG = {
  // Its default stops on `navigator.webdriver` (an automated browser) and shows nothing.
  hideFromBots: false,
  categories: {
    essential: { enabled: true, readOnly: true },
    analytics: { autoClear: { cookies: [{ name: '_bench_analytics' }] } }
  },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: COPY.title,
          description: COPY.text + ' <a href="/privacy">Privacy policy</a>',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Customise'
        },
        preferencesModal: {
          title: COPY.prefsTitle,
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save choices',
          closeIconLabel: 'Close',
          sections: [
            { description: COPY.prefsText },
            { title: COPY.essential[0], description: COPY.essential[1], linkedCategory: 'essential' },
            { title: COPY.analytics[0], description: COPY.analytics[1], linkedCategory: 'analytics' }
          ]
        }
      }
    }
  }
}

const OREJIME_CONFIG = {
  privacyPolicyUrl: '/privacy',
  purposes: [
    { id: 'essential', title: COPY.essential[0], description: COPY.essential[1], cookies: [], isMandatory: true },
    { id: 'analytics', title: COPY.analytics[0], description: COPY.analytics[1], cookies: ['_bench_analytics'] }
  ]
}

/**
 * Per library: what goes in <head>, how the analytics tag is gated, the footer link's attributes,
 * and the selectors the bench uses (banner, preferences dialog, the library's own accept-all button).
 */
const LIBS = {
  cookiegate: {
    label: 'Cookiegate',
    head: `<script type="application/json" id="cookiegate-config">{"policyUrl": "/privacy", "categories": {"essential": {"required": true}, "analytics": {"cookies": ["_bench_analytics"]}}}</script>
    <script src="/cookiegate.js" defer></script>`,
    gated: `<script type="text/plain" data-category="analytics" src="${ANALYTICS_URL}"></script>`,
    link: 'data-cookie-settings',
    banner: '.cg-banner',
    modal: '.cg-modal',
    accept: { selector: '.cg-banner button', text: 'Accept all' }
  },
  'vanilla-cookieconsent': {
    label: 'vanilla-cookieconsent 3.1',
    // Its UMD build + stylesheet, configured from a (deferred) inline module script.
    head: `<link rel="stylesheet" href="/vendor/vanilla-cookieconsent/cookieconsent.css">
    <script src="/vendor/vanilla-cookieconsent/cookieconsent.umd.js" defer></script>
    <script type="module">CookieConsent.run(${JSON.stringify(VCC_CONFIG)});</script>`,
    gated: `<script type="text/plain" data-category="analytics" src="${ANALYTICS_URL}"></script>`,
    link: 'data-cc="show-preferencesModal"',
    banner: '#cc-main .cm',
    modal: '#cc-main .pm',
    accept: { selector: '#cc-main .cm [data-role="all"]' }
  },
  orejime: {
    label: 'Orejime 3.2',
    // Its standard English bundle + stylesheet, configured through window.orejimeConfig (README).
    head: `<link rel="stylesheet" href="/vendor/orejime/orejime-standard.css">
    <script>window.orejimeConfig = ${JSON.stringify(OREJIME_CONFIG)};</script>
    <script src="/vendor/orejime/orejime-standard-en.js" defer></script>`,
    // Its documented gating: the untouched tag wrapped in <template data-purpose>.
    gated: `<template data-purpose="analytics"><script src="${ANALYTICS_URL}"></script></template>`,
    // No declarative settings link in Orejime; its README's API is `orejime.prompt()`.
    link: 'onclick="window.orejime && window.orejime.prompt(); return false"',
    banner: '.orejime-Banner',
    modal: '.orejime-Modal',
    accept: { selector: '.orejime-Banner-saveButton' }
  },
  none: {
    label: 'none (no consent library)',
    head: '',
    gated: `<script src="${ANALYTICS_URL}"></script>`,
    link: '',
    banner: null,
    modal: null,
    accept: null
  }
}
// Server-rendered (README "Server"): the page is rendered per request from the Cookie header with
// cookiegate/server (dist/server.mjs): a returning visitor who allowed analytics gets the analytics
// tag as a plain <script src> (as on "none"), everyone else the gated tag. "+ preload": a page
// without a valid choice also preloads the banner's file (`preloadLinks`, the server's addition
// for that). The same script tag and config as "cookiegate".
const { readConsent, preloadLinks } = await import(pathToFileURL(join(DIST, 'server.mjs')).href)
const SERVER_CONFIG = { policyUrl: '/privacy', categories: { essential: { required: true }, analytics: { cookies: ['_bench_analytics'] } } }
const serverRendered = (label, preload) => ({
  ...LIBS.cookiegate,
  label,
  // Functions of the consent state the server read; pageHtml calls them per request.
  head: (state) => `${preload ? preloadLinks(state, { base: '/' }) : ''}
    <script type="application/json" id="cookiegate-config">${JSON.stringify(SERVER_CONFIG)}</script>
    <script src="/cookiegate.js" defer></script>`,
  gated: (state) => (state.categories.analytics ? `<script src="${ANALYTICS_URL}" data-category="analytics"></script>` : LIBS.cookiegate.gated)
})
LIBS['cookiegate-server-nopreload'] = serverRendered('Cookiegate, server-rendered', false)
LIBS['cookiegate-server'] = serverRendered('Cookiegate, server-rendered + preload', true)
const COMPETITORS = ['vanilla-cookieconsent', 'orejime']
// Columns in this order: Cookiegate's pages, the competitors, no library.
const LIB_IDS = ['cookiegate', 'cookiegate-server-nopreload', 'cookiegate-server', ...COMPETITORS, 'none'].filter((id) => !ONLY || ONLY.includes(id))
const SERVER_RENDERED = (id) => typeof LIBS[id].head === 'function'

// Bounded, generous: a minute per library, CPU rate and run (two visits), Lighthouse about 20 s
// per run and page here: allow a minute each.
T.total += LIB_IDS.length * THROTTLES.length * RUNS * 60000
if (LIGHTHOUSE) T.total += LIGHTHOUSE_RUNS * LIB_IDS.length * 60000
const watchdog = setTimeout(() => {
  console.error(`bench: gave up after ${T.total / 60000} minutes`)
  process.exit(2)
}, T.total)
watchdog.unref()

const SITE_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;background:#fff}
a{color:#3b4cca}
.wrap{max-width:1080px;margin:0 auto;padding:0 24px}
.site-header{border-bottom:1px solid #e6e8ef}
.header-inner{display:flex;align-items:center;justify-content:space-between;height:64px}
.brand{display:flex;gap:8px;align-items:center;font-weight:700;color:inherit;text-decoration:none}
.brand svg{width:24px;height:24px;fill:#3b4cca}
.nav{display:flex;gap:24px;list-style:none;margin:0;padding:0}
.nav a{text-decoration:none;color:inherit}
.btn{display:inline-block;padding:12px 20px;border-radius:8px;background:#3b4cca;color:#fff;text-decoration:none;font-weight:600}
.btn-ghost{background:transparent;color:#3b4cca;border:1px solid #c9cef0}
.hero{padding:88px 0 72px;background:linear-gradient(180deg,#f4f6ff,#fff)}
.hero h1{font-size:clamp(2rem,5vw,3.25rem);line-height:1.15;margin:0 0 16px;max-width:18ch}
.lead{font-size:1.2rem;max-width:60ch;color:#3a4152}
.hero-actions{display:flex;gap:12px;margin:28px 0 12px;flex-wrap:wrap}
.fine{color:#6b7280;font-size:.9rem}
.features{padding:72px 0}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:24px}
.card{border:1px solid #e6e8ef;border-radius:12px;padding:24px}
.card h3{margin:12px 0 8px}
.card svg{width:32px;height:32px;stroke:#3b4cca;fill:none;stroke-width:2}
.quote{padding:56px 0;background:#f7f7fb}
blockquote{margin:0;font-size:1.3rem;max-width:60ch}
.pricing{padding:72px 0}
.price{font-size:2.2rem;font-weight:700}
.plan ul{padding-left:18px}
.site-footer{border-top:1px solid #e6e8ef;padding:40px 0 56px;color:#4b5263;font-size:.95rem}
.footer-grid{display:flex;flex-wrap:wrap;gap:48px;justify-content:space-between}
.footer-grid ul{list-style:none;margin:0;padding:0}
.footer-grid li{margin:6px 0}
`

const FEATURES = [
  ['Funnels in minutes', 'Pick the steps, see where people drop off. No SQL, no tracking plan to maintain, no data team on call.', 'M4 4h16l-6 8v6l-4 2v-8z'],
  ['Retention you can trust', 'Cohorts by signup week or by the feature people used first, computed from events you chose to collect.', 'M3 17l6-6 4 4 8-8'],
  ['Feature usage', 'Know which parts of your product are loved and which are ignored, before you spend another sprint on them.', 'M12 3v18M3 12h18'],
  ['Consent built in', 'Events from visitors who said no are never sent. The dashboard tells you how many said yes, and that is fine.', 'M12 3l8 4v5c0 5-3.5 8-8 9-4.5-1-8-4-8-9V7z'],
  ['EU hosting', 'Your data stays in Frankfurt. A data processing agreement is part of every plan, not an upsell.', 'M3 12a9 9 0 1018 0 9 9 0 00-18 0M3 12h18'],
  ['Fair pricing', 'Pay for the events you keep, not for seats. Delete old data whenever you like and pay less.', 'M6 3h12v18H6zM9 8h6M9 12h6']
]

/**
 * The library's bench page; `tags`: its gated analytics tag three times over, pointing at
 * `/tag.js?n=1..3` (the library's own gating markup, so each library runs them its own way).
 */
function pageHtml(id, cookieHeader, tags = false) {
  let lib = LIBS[id]
  let state = SERVER_RENDERED(id) ? readConsent(cookieHeader, SERVER_CONFIG) : null
  let gated = typeof lib.gated === 'function' ? lib.gated(state) : lib.gated
  if (tags) gated = [1, 2, 3].map((n) => gated.replace(ANALYTICS_URL, ANALYTICS_URL.replace('/analytics.js', `/tag.js?n=${n}`))).join('\n    ')
  let cards = FEATURES.map(
    ([title, text, d]) => `<article class="card"><svg viewBox="0 0 24 24" aria-hidden="true"><path d="${d}"/></svg><h3>${title}</h3><p>${text}</p></article>`
  ).join('\n          ')
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Acme Metrics: product analytics your visitors can say no to</title>
    <meta name="description" content="Acme Metrics is a small, privacy-first product analytics tool for SaaS teams.">
    <link rel="icon" href="data:,">
    <style>${SITE_CSS}</style>
    ${typeof lib.head === 'function' ? lib.head(state) : lib.head}
    ${gated}
  </head>
  <body>
    <header class="site-header">
      <div class="wrap header-inner">
        <a class="brand" href="/"><svg viewBox="0 0 24 24" aria-hidden="true"><rect x="3" y="12" width="4" height="9" rx="1"/><rect x="10" y="7" width="4" height="14" rx="1"/><rect x="17" y="3" width="4" height="18" rx="1"/></svg>Acme Metrics</a>
        <nav aria-label="Main"><ul class="nav"><li><a href="#features">Features</a></li><li><a href="#pricing">Pricing</a></li><li><a href="/privacy">Privacy</a></li><li><a class="btn" href="#pricing">Start free</a></li></ul></nav>
      </div>
    </header>
    <main id="main">
      <section class="hero">
        <div class="wrap">
          <p class="fine">Product analytics for small SaaS teams</p>
          <h1>Know what your users do. Ask them first.</h1>
          <p class="lead">Acme Metrics shows you funnels, retention and feature usage without a data team, and it only counts visitors who said yes. No dark patterns, no pre-ticked boxes.</p>
          <div class="hero-actions"><a class="btn" href="#pricing">Start a 14-day trial</a><a class="btn btn-ghost" href="#features">See how it works</a></div>
          <p class="fine">No credit card needed. EU hosting. Cancel any time.</p>
        </div>
      </section>
      <section class="features" id="features">
        <div class="wrap">
          <h2>Everything a small team needs, nothing it has to babysit</h2>
          <div class="grid">
          ${cards}
          </div>
        </div>
      </section>
      <section class="quote">
        <div class="wrap">
          <blockquote>“We replaced three tools with Acme Metrics and our consent rate went up, because the banner stopped lying to people.”</blockquote>
          <p class="fine">Maya Lindqvist, Head of Product at Fjordly</p>
        </div>
      </section>
      <section class="pricing" id="pricing">
        <div class="wrap grid">
          <div class="plan card"><h3>Starter</h3><p class="price">€0</p><ul><li>10,000 events a month</li><li>3 funnels</li><li>30 days of history</li></ul><a class="btn btn-ghost" href="#">Start free</a></div>
          <div class="plan card"><h3>Team</h3><p class="price">€49</p><ul><li>1 million events a month</li><li>Unlimited funnels and cohorts</li><li>13 months of history</li></ul><a class="btn" href="#">Start a trial</a></div>
          <div class="plan card"><h3>Scale</h3><p class="price">€199</p><ul><li>10 million events a month</li><li>SSO and audit log</li><li>Custom retention</li></ul><a class="btn btn-ghost" href="#">Talk to us</a></div>
        </div>
      </section>
    </main>
    <footer class="site-footer">
      <div class="wrap footer-grid">
        <div><strong>Acme Metrics</strong><p>Made in Lyon and Tallinn.</p></div>
        <ul><li><a href="#features">Features</a></li><li><a href="#pricing">Pricing</a></li><li><a href="/privacy">Changelog</a></li></ul>
        <ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/privacy">Imprint</a></li><li><a href="#" id="cookie-settings" ${lib.link}>Cookie Settings</a></li></ul>
      </div>
    </footer>
  </body>
</html>
`
}

const PAGES = Object.fromEntries(
  Object.keys(LIBS)
    .filter((id) => !SERVER_RENDERED(id))
    .flatMap((id) => [
      [`/${id}.html`, Buffer.from(pageHtml(id))],
      [`/${id}-tags.html`, Buffer.from(pageHtml(id, undefined, true))]
    ])
)
// `--page ID`: print that library's bench page and exit (bench/profile.mjs serves it by itself).
if (flag('--page')) {
  process.stdout.write(PAGES[`/${flag('--page')}.html`] ?? '')
  process.exit(PAGES[`/${flag('--page')}.html`] ? 0 : 1)
}
const PRIVACY = Buffer.from('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Privacy</title><link rel="icon" href="data:,"></head><body><h1>Privacy policy</h1></body></html>')

/** Static folders: the whole dist/ at the root (cookiegate.js loads the rest of itself from there), competitors under /vendor. */
const MOUNTS = [
  ['/vendor/vanilla-cookieconsent/', join(NM, 'vanilla-cookieconsent/dist')],
  ['/vendor/orejime/', join(NM, 'orejime/dist')],
  ['/', DIST]
]

const pageServer = createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url, 'http://x').pathname)
  if (PAGES[path]) return send(req, res, 'page', 200, TYPES['.html'], PAGES[path], path)
  let id = path.match(/^\/([\w-]+)\.html$/)?.[1]
  if (id && Object.hasOwn(LIBS, id) && SERVER_RENDERED(id)) return send(req, res, 'page', 200, TYPES['.html'], Buffer.from(pageHtml(id, req.headers.cookie)), path)
  if (path === '/privacy') return send(req, res, 'page', 200, TYPES['.html'], PRIVACY, path)
  for (let [prefix, dir] of MOUNTS) {
    if (!path.startsWith(prefix)) continue
    let file = fileUnder(dir, path.slice(prefix.length))
    if (!file) continue
    // Read on every request: a rebuild between runs is picked up (the gzip cache is keyed by content).
    return send(req, res, 'page', 200, TYPES[extname(file)] || 'application/octet-stream', readFileSync(file), path)
  }
  send(req, res, 'page', 404, 'text/plain', Buffer.from('not found'), path)
})
const PORT = await listen(pageServer)
const BASE = `http://127.0.0.1:${PORT}`

// ---------------------------------------------------------------- in-page instrumentation

/**
 * Installed with page.addInitScript: runs in the measured document before any of its scripts.
 * Everything is recorded on `window.__bench` and reported to the bench through a CDP binding
 * (`Runtime.addBinding`), so the bench never evaluates code in the page while it is measuring
 * (playwright's evaluate/click would add their own script and main-thread work to the figures).
 *
 * `waitFor`: what the view must reach before it is measured ('banner', 'analytics' or nothing);
 * then, once `load` has fired, the page waits until idle and reports 'idle'.
 */
function instrument({ banner, modal, waitFor, limit }) {
  let B = (window.__bench = { longTasks: 0, cls: 0, bannerInDom: null, bannerVisible: null, atBanner: null, click: null, modalVisible: null })
  let report = (type, data) => {
    try {
      window.__benchReport(JSON.stringify({ type, ...data }))
    } catch {}
  }
  try {
    new PerformanceObserver((list) => {
      B.longTasks += list.getEntries().length
    }).observe({ type: 'longtask', buffered: true })
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (let e of list.getEntries()) if (!e.hadRecentInput) B.cls += e.value
    }).observe({ type: 'layout-shift', buffered: true })
  } catch {}

  // The analytics script's first line assigns window.__analyticsStart.
  let analyticsValue
  let resolveAnalytics
  let analytics = new Promise((r) => (resolveAnalytics = r))
  Object.defineProperty(window, '__analyticsStart', {
    configurable: true,
    get: () => analyticsValue,
    set: (v) => {
      analyticsValue = v
      resolveAnalytics(v)
      report('analytics', { t: v })
    }
  })

  // Light DOM, or inside an open shadow root of a host with that id (should a UI move there).
  let find = (sel) => {
    let el = document.querySelector(sel)
    if (el) return el
    let host = document.getElementById('cookiegate')
    return (host && host.shadowRoot && host.shadowRoot.querySelector(sel)) || null
  }
  let rendered = (el) => {
    if (!el || !el.isConnected) return false
    let r = el.getBoundingClientRect()
    if (r.width < 1 || r.height < 1 || r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) return false
    return el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
  }
  B.isVisible = (sel) => rendered(find(sel))

  /** rAF loop: resolves with performance.now() in the first frame that renders `sel`, or null after `ms`. */
  let watch = (sel, key, ms) =>
    new Promise((done) => {
      let until = performance.now() + ms
      let frame = () => {
        if (rendered(find(sel))) {
          B[key] = performance.now()
          return done(B[key])
        }
        if (performance.now() > until) return done(null)
        requestAnimationFrame(frame)
      }
      requestAnimationFrame(frame)
    })

  let ready = Promise.resolve()
  if (waitFor === 'banner' && banner) {
    let seen = watch(banner, 'bannerVisible', limit)
    let mo = new MutationObserver(() => {
      if (find(banner)) {
        B.bannerInDom = performance.now()
        mo.disconnect()
      }
    })
    mo.observe(document, { childList: true, subtree: true })
    ready = seen.then((t) => {
      mo.disconnect()
      // The files of this origin that had arrived by that frame (an entry is added once a response is complete).
      B.atBanner = performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name))
        .filter((u) => u.origin === location.origin)
        .map((u) => u.pathname)
      report('banner', { t })
    })
  } else if (waitFor === 'analytics') {
    let timer
    ready = Promise.race([analytics, new Promise((r) => (timer = setTimeout(r, limit)))]).then(() => clearTimeout(timer))
  }

  // Idle: `load` fired and the view reached what it waits for, then an idle callback that did not
  // time out (at most 5 tries), 500 ms, and one more idle callback.
  let idle = () => new Promise((r) => requestIdleCallback((d) => r(d.didTimeout), { timeout: 2000 }))
  let loaded = new Promise((r) => addEventListener('load', r, { once: true }))
  Promise.all([loaded, ready]).then(async () => {
    for (let i = 0; i < 5 && (await idle()); i++);
    await new Promise((r) => setTimeout(r, 500))
    await idle()
    report('idle', {})
  })

  if (modal) {
    addEventListener(
      'click',
      (event) => {
        if (B.click !== null || !(event.target instanceof Element) || !event.target.closest('#cookie-settings')) return
        B.click = event.timeStamp || performance.now()
        watch(modal, 'modalVisible', limit).then((t) => report('modal', { t, click: B.click }))
      },
      true
    )
  }
}

async function scriptMs(cdp) {
  let { metrics } = await timeout(cdp.send('Performance.getMetrics'), T.step, 'Performance.getMetrics')
  return metrics.find((m) => m.name === 'ScriptDuration').value * 1000
}

/** The view's bytes since `mark`; with `paths`, only the responses for those paths. */
function bytesSince(mark, origin = 'page', paths = null) {
  let out = { js: 0, css: 0, total: 0, html: 0, files: [], errors: [] }
  for (let e of log.slice(mark)) {
    if (e.origin !== origin || (paths && !paths.includes(e.path))) continue
    if (e.status >= 400) out.errors.push(`${e.status} ${e.path}`)
    if (e.kind === 'html') out.html += e.bytes
    if (e.kind !== 'js' && e.kind !== 'css') continue
    out[e.kind] += e.bytes
    out.total += e.bytes
    out.files.push(`${e.path} ${e.bytes}`)
  }
  return out
}
const analyticsHits = (mark) => log.slice(mark).filter((e) => e.origin === 'analytics' && e.path === '/analytics.js').length

// ---------------------------------------------------------------- runs

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, timeout: 30000, args: CHROMIUM_ARGS })
const chromiumVersion = browser.version()

/**
 * A new page in `context` with CPU throttling, Performance metrics on, the instrumentation and
 * the report binding. `next(type)` resolves with the page's report of that type.
 */
async function openPage(context, id, rate, waitFor) {
  let lib = LIBS[id]
  let page = await context.newPage()
  page.setDefaultTimeout(T.step)
  page.setDefaultNavigationTimeout(T.nav)
  let errors = []
  page.on('pageerror', (e) => errors.push(String(e.message || e)))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  let cdp = await context.newCDPSession(page)
  let reports = new Map()
  let slot = (type) => {
    if (!reports.has(type)) {
      let resolveReport
      let promise = new Promise((r) => (resolveReport = r))
      reports.set(type, { promise, resolve: resolveReport })
    }
    return reports.get(type)
  }
  cdp.on('Runtime.bindingCalled', ({ name, payload }) => {
    if (name !== '__benchReport') return
    let data = JSON.parse(payload)
    slot(data.type).resolve(data)
  })
  await cdp.send('Runtime.enable')
  await cdp.send('Runtime.addBinding', { name: '__benchReport' })
  await cdp.send('Performance.enable')
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
  await page.addInitScript(instrument, { banner: lib.banner, modal: lib.modal, waitFor, limit: T.banner })
  let next = (type, ms) => timeout(slot(type).promise, ms, `waiting for '${type}' from the page`)
  return { page, cdp, errors, next }
}

const newContext = () => browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' })

/** First visit: fresh context, no stored choice. */
async function firstVisit(id, rate) {
  let lib = LIBS[id]
  let context = await newContext()
  try {
    let { page, cdp, errors, next } = await openPage(context, id, rate, lib.banner ? 'banner' : null)
    await sleep(QUIET)
    let mark = log.length
    await timeout(page.goto(`${BASE}/${id}.html`, { waitUntil: 'commit' }), T.nav, 'navigation')
    let bannerVisible = null
    if (lib.banner) {
      bannerVisible = (await next('banner', T.nav + T.banner)).t
      if (bannerVisible == null) throw new Error(`banner ${lib.banner} never became visible`)
    }
    await next('idle', T.nav + T.idle)
    let script = await scriptMs(cdp)
    // Measured; from here on the bench may evaluate in the page.
    // uiRequested: when the banner's file (cookiegate-ui.js) was requested, from Resource Timing (a preload starts it with the HTML).
    let b = await page.evaluate(() => ({
      ...window.__bench,
      ran: window.__analyticsStart !== undefined,
      uiRequested: performance.getEntriesByType('resource').find((e) => /\/cookiegate-ui-[\d.]+\.js/.test(e.name))?.startTime ?? null
    }))
    let bytes = bytesSince(mark)
    bytes.atBanner = b.atBanner ? bytesSince(mark, 'page', b.atBanner) : null
    let gated = id === 'none' ? null : !b.ran && analyticsHits(mark) === 0
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `${id}-${rate}x-first.png`) })
    return { bannerVisible, bannerInDom: b.bannerInDom, uiRequested: b.uiRequested, script, longTasks: b.longTasks, cls: b.cls, bytes, gated, errors }
  } finally {
    await context.close().catch(() => {})
  }
}

/** The earlier page view in which the visitor accepted everything (not measured, CPU 1×); resolves once the analytics script ran. */
async function acceptAll(context, id) {
  let lib = LIBS[id]
  let first = await openPage(context, id, 1, lib.banner ? 'banner' : null)
  await timeout(first.page.goto(`${BASE}/${id}.html`, { waitUntil: 'load' }), T.nav, 'navigation')
  if (lib.accept) {
    await first.next('banner', T.banner + 5000)
    let button = first.page.locator(lib.accept.selector, lib.accept.text ? { hasText: lib.accept.text } : {}).first()
    await button.click({ timeout: 10000 }).catch(async (error) => {
      let state = await first.page
        .evaluate((sel) => ({ banner: window.__bench.isVisible(sel), ready: document.readyState, html: document.body.lastElementChild?.outerHTML.slice(0, 300) }), lib.banner)
        .catch(() => null)
      throw new Error(`accept-all click failed (${JSON.stringify(state)}): ${error.message}`)
    })
  }
  let ran = await first.next('analytics', T.analytics).then(() => true, () => false)
  if (!ran) throw new Error('the analytics script did not run after accepting')
  await first.page.close()
  return ran
}

/** Returning visitor: accept all in a first view, then measure a new view, then open the preferences from the footer. */
async function returningVisit(id, rate) {
  let lib = LIBS[id]
  let context = await newContext()
  try {
    let ranAfterAccept = await acceptAll(context, id)

    // The measured returning view.
    let { page, cdp, errors, next } = await openPage(context, id, rate, 'analytics')
    await sleep(QUIET)
    let mark = log.length
    await timeout(page.goto(`${BASE}/${id}.html`, { waitUntil: 'commit' }), T.nav, 'navigation')
    let analyticsStart = (await next('analytics', T.nav + T.analytics)).t
    await next('idle', T.nav + T.idle)
    let script = await scriptMs(cdp)
    let b = await page.evaluate((sel) => ({ ...window.__bench, runs: window.__analyticsRuns, bannerShown: sel ? window.__bench.isVisible(sel) : false }), lib.banner)
    let bytes = bytesSince(mark)
    let out = { analyticsStart, script, longTasks: b.longTasks, cls: b.cls, bytes, analyticsRuns: b.runs, bannerShown: b.bannerShown, ranAfterAccept, errors }

    // Preferences from the footer link: scroll it into view and find its centre first, then (after
    // a quiet moment) a plain mouse click there: pointer move, press, release, nothing else.
    if (lib.modal) {
      let link = page.locator('#cookie-settings')
      await link.scrollIntoViewIfNeeded()
      let box = await link.boundingBox()
      if (!box) throw new Error('footer link has no box')
      await sleep(QUIET)
      let markPrefs = log.length
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
      let { t, click } = await next('modal', T.modal + 5000)
      if (t == null) throw new Error(`preferences ${lib.modal} never became visible`)
      out.prefsOpen = t - click
      out.prefsBytes = bytesSince(markPrefs)
      if (SHOTS) await page.screenshot({ path: join(SHOTS, `${id}-${rate}x-preferences.png`) })
    }
    return out
  } finally {
    await context.close().catch(() => {})
  }
}

/**
 * Returning visitor on the three-tag page (not the server-rendered variants: their server writes
 * the allowed tags as plain ones): accept all in a first view of the bench page, then measure a
 * view of the three-tag page until the third tag's first line ran, and the order the tags ran in.
 */
async function tagsVisit(id, rate) {
  let context = await newContext()
  try {
    await acceptAll(context, id)
    let { page, next } = await openPage(context, id, rate, 'analytics')
    await sleep(QUIET)
    await timeout(page.goto(`${BASE}/${id}-tags.html`, { waitUntil: 'commit' }), T.nav, 'navigation')
    let lastTagStart = (await next('analytics', T.nav + T.analytics)).t
    // Any tag still to come would run within a round trip or two.
    await sleep(3 * TAG_MS)
    let order = await page.evaluate(() => window.__tagOrder ?? [])
    return { lastTagStart, order }
  } finally {
    await context.close().catch(() => {})
  }
}

/** The characters of `source` inside blocks that ran, joined: V8 block ranges nest, so the innermost one decides. */
function executedCode(source, functions) {
  let ranges = functions.flatMap((f) => f.ranges).sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset)
  let ran = new Uint8Array(source.length)
  for (let r of ranges) ran.fill(r.count > 0 ? 1 : 0, r.startOffset, r.endOffset)
  let parts = []
  for (let i = 0; i < ran.length; ) {
    let j = i
    while (j < ran.length && ran[j] === ran[i]) j++
    if (ran[i]) parts.push(source.slice(i, j))
    i = j
  }
  return parts.join('\n')
}

/**
 * A returning view under V8 precise block coverage (not timed, CPU 1×): the page origin's script
 * files of which some code ran, their gzip bytes as served, and the gzip bytes of the code that ran.
 */
async function coverageVisit(id) {
  let context = await newContext()
  try {
    await acceptAll(context, id)
    let { page, next } = await openPage(context, id, 1, 'analytics')
    await page.coverage.startJSCoverage({ resetOnNavigation: false })
    let mark = log.length
    await timeout(page.goto(`${BASE}/${id}.html`, { waitUntil: 'commit' }), T.nav, 'navigation')
    await next('analytics', T.nav + T.analytics)
    await next('idle', T.nav + T.idle)
    let entries = await page.coverage.stopJSCoverage()
    let served = new Map(bytesSince(mark).files.map((f) => f.split(' ')).map(([path, bytes]) => [path, Number(bytes)]))
    let out = { files: [], gzip: 0, executedGzip: 0, executedChars: 0, chars: 0 }
    for (let e of entries) {
      let url = new URL(e.url, BASE)
      if (url.origin !== BASE || !served.has(url.pathname) || !e.functions.some((f) => f.ranges.some((r) => r.count > 0))) continue
      let code = executedCode(e.source, e.functions)
      out.files.push(url.pathname)
      out.gzip += served.get(url.pathname)
      out.chars += e.source.length
      out.executedChars += code.length
      out.executedGzip += gzipSync(code, { level: 6 }).length
    }
    return out
  } finally {
    await context.close().catch(() => {})
  }
}

let raw = {}
let failures = []
let lost = []
// 1-minute load average before each run: other work on the machine makes every timing noisier.
let loads = []
let started = Date.now()
console.log(`Chromium ${chromiumVersion}, ${RUNS} run(s) per library and CPU rate ${THROTTLES.map((t) => t + '×').join(', ')}; page origin ${BASE}, analytics origin http://127.0.0.1:${ANALYTICS_PORT}`)

/** One measured run; a run that fails (timeout, crash) is tried once more, and both attempts are reported. */
async function measure(id, rate, run, kind, fn) {
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      return await timeout(fn(id, rate), 60000, `${kind} visit`)
    } catch (error) {
      let message = String(error?.message || error)
      failures.push({ id, rate, run, kind, attempt, error: message.split('\n')[0], detail: message.slice(0, 2000) })
      console.error(`  ✗ ${id} ${rate}× run ${run + 1} ${kind}, attempt ${attempt}: ${process.env.BENCH_DEBUG ? message : message.split('\n')[0]}`)
    }
  }
  return null
}

// Warm-up, not recorded: the first page views after launch pay for starting renderer processes.
for (let id of LIGHTHOUSE_ONLY ? [] : LIB_IDS) {
  await timeout(firstVisit(id, 1), 60000, 'warm-up').catch(() => {})
  await timeout(returningVisit(id, 1), 60000, 'warm-up').catch(() => {})
}
log.length = 0

// Libraries interleave within each run, so drift (thermal, other load) spreads over all of them.
for (let rate of LIGHTHOUSE_ONLY ? [] : THROTTLES) {
  for (let run = 0; run < RUNS; run++) {
    for (let id of LIB_IDS) {
      let slot = ((raw[id] ??= {})[rate] ??= { first: [], returning: [], tags: [] })
      for (let [kind, fn] of [
        ['first', firstVisit],
        ['returning', returningVisit],
        ...(SERVER_RENDERED(id) ? [] : [['tags', tagsVisit]])
      ]) {
        loads.push(os.loadavg()[0])
        let result = await measure(id, rate, run, kind, fn)
        if (result) slot[kind].push(result)
        else lost.push({ id, rate, run, kind })
      }
    }
    process.stdout.write(`  ${rate}× run ${run + 1}/${RUNS} done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`)
  }
}
// Returning visitor, JavaScript executed: one view per page under coverage (bytes, not timings).
let coverage = {}
for (let id of LIGHTHOUSE_ONLY ? [] : LIB_IDS) {
  coverage[id] = await timeout(coverageVisit(id), 60000, 'coverage visit').catch((error) => {
    failures.push({ id, rate: 1, run: 0, kind: 'coverage', attempt: 1, error: String(error?.message || error).split('\n')[0] })
    return null
  })
}
await timeout(browser.close(), 30000, 'closing the browser').catch(() => {})
let lighthouse = null
if (LIGHTHOUSE) {
  console.log(`Lighthouse: ${LIGHTHOUSE_RUNS} run(s) per page`)
  lighthouse = await runLighthouse({ ids: LIB_IDS, url: (id) => `${BASE}/${id}.html`, runs: LIGHTHOUSE_RUNS, chromeFlags: CHROMIUM_ARGS, onProgress: (line) => console.log(line) })
}
pageServer.close()
analyticsServer.close()

// ---------------------------------------------------------------- medians, checks, table

const med = (id, rate, kind, pick) => median((raw[id]?.[rate]?.[kind] ?? []).map(pick))
/** [min, max] of the runs, or null. */
const spread = (id, rate, kind, pick) => {
  let v = (raw[id]?.[rate]?.[kind] ?? []).map(pick).filter((x) => typeof x === 'number' && Number.isFinite(x))
  return v.length ? [Math.min(...v), Math.max(...v)] : null
}
const summary = {}
for (let id of LIB_IDS) {
  summary[id] = {}
  for (let rate of THROTTLES) {
    let m = (kind, pick) => med(id, rate, kind, pick)
    summary[id][rate] = {
      first: {
        bytes: m('first', (r) => r.bytes.total),
        atBanner: m('first', (r) => r.bytes.atBanner?.total),
        js: m('first', (r) => r.bytes.js),
        css: m('first', (r) => r.bytes.css),
        html: m('first', (r) => r.bytes.html),
        bannerVisible: m('first', (r) => r.bannerVisible),
        bannerVisibleRange: spread(id, rate, 'first', (r) => r.bannerVisible),
        bannerInDom: m('first', (r) => r.bannerInDom),
        uiRequested: m('first', (r) => r.uiRequested),
        script: m('first', (r) => r.script),
        longTasks: m('first', (r) => r.longTasks),
        cls: m('first', (r) => r.cls)
      },
      returning: {
        bytes: m('returning', (r) => r.bytes.total),
        js: m('returning', (r) => r.bytes.js),
        css: m('returning', (r) => r.bytes.css),
        script: m('returning', (r) => r.script),
        analyticsStart: m('returning', (r) => r.analyticsStart),
        prefsOpen: m('returning', (r) => r.prefsOpen),
        prefsBytes: m('returning', (r) => r.prefsBytes?.total)
      },
      tags: { lastTagStart: m('tags', (r) => r.lastTagStart) },
      ok: { first: raw[id]?.[rate]?.first.length ?? 0, returning: raw[id]?.[rate]?.returning.length ?? 0 }
    }
  }
  summary[id].coverage = coverage[id] ?? null
}

// Correctness checks over every run: gating before consent, analytics after accepting, no banner
// for a returning visitor, exactly one analytics run, no missing files, no page errors.
const checks = {}
for (let id of LIB_IDS) {
  let all = THROTTLES.flatMap((rate) => [...(raw[id]?.[rate]?.first ?? []), ...(raw[id]?.[rate]?.returning ?? [])])
  let firsts = THROTTLES.flatMap((rate) => raw[id]?.[rate]?.first ?? [])
  let rets = THROTTLES.flatMap((rate) => raw[id]?.[rate]?.returning ?? [])
  let tagRuns = THROTTLES.flatMap((rate) => raw[id]?.[rate]?.tags ?? [])
  checks[id] = {
    // The three-tag page: every run ran each tag once, in document order (n/a: server-rendered).
    tagsInOrder: SERVER_RENDERED(id) ? 'n/a' : tagRuns.length > 0 && tagRuns.every((r) => r.order.join() === '1,2,3'),
    gatedBeforeConsent: id === 'none' ? 'n/a' : firsts.length > 0 && firsts.every((r) => r.gated),
    ranAfterAccept: rets.length > 0 && rets.every((r) => r.ranAfterAccept),
    ranOnceOnReturn: rets.length > 0 && rets.every((r) => r.analyticsRuns === 1),
    noBannerOnReturn: rets.every((r) => !r.bannerShown),
    missingFiles: [...new Set(all.flatMap((r) => r.bytes.errors))],
    pageErrors: [...new Set(all.flatMap((r) => r.errors))].slice(0, 5),
    filesFirstVisit: firsts[0]?.bytes.files ?? [],
    filesReturning: rets[0]?.bytes.files ?? [],
    filesOpeningPrefs: rets[0]?.prefsBytes?.files ?? []
  }
}

const kB = (b) => (b == null ? '–' : `${(b / 1000).toFixed(1)} kB`)
const ms = (v) => (v == null ? '–' : `${v.toFixed(v < 10 ? 1 : 0)} ms`)
const num = (v) => (v == null ? '–' : String(Math.round(v * 10) / 10))
const clsFmt = (v) => (v == null ? '–' : v.toFixed(3))
// A ratio only where both sides have something to compare (Cookiegate ships no CSS file, say).
const ratio = (a, b) => (a == null || b == null || a <= 0 || b <= 0 ? '–' : `${(a / b).toFixed(2)}×`)
const RATIO_WITH = LIB_IDS.includes('cookiegate') ? COMPETITORS.filter((c) => LIB_IDS.includes(c)) : []

const span = (r) => (r ? ` (${r.map((v) => v.toFixed(0)).join('–')})` : '')
const rows = []
/**
 * One table row per CPU rate (or one row for byte counts, which do not depend on it).
 * `range(s)`: the [min, max] of the runs, shown after the median.
 */
const row = (label, get, fmt, { once = false, noNone = false, range = null } = {}) => {
  for (let rate of once ? [THROTTLES[0]] : THROTTLES) {
    let skip = (id) => noNone && id === 'none'
    let values = Object.fromEntries(LIB_IDS.map((id) => [id, skip(id) ? null : get(summary[id][rate], rate, id)]))
    let cell = (id) => fmt(values[id]) + (range && !skip(id) && values[id] != null ? span(range(summary[id][rate])) : '')
    rows.push([once ? label : `${label} (CPU ${rate}×)`, ...LIB_IDS.map(cell), ...RATIO_WITH.map((c) => ratio(values.cookiegate, values[c]))])
  }
}
const delay = (v) => (v == null ? '–' : `${v >= 0 ? '+' : ''}${v.toFixed(0)} ms`)
const noneStart = (rate) => summary.none?.[rate]?.returning.analyticsStart

row('First visit: JS + CSS (gzip)', (s) => s.first.bytes, kB, { once: true })
row('First visit: JS + CSS arrived when the banner is visible (gzip)', (s) => s.first.atBanner, kB, { once: true, noNone: true })
row('First visit: JS (gzip)', (s) => s.first.js, kB, { once: true })
row('First visit: CSS (gzip)', (s) => s.first.css, kB, { once: true })
row('Page HTML with inline config (gzip, not in the totals)', (s) => s.first.html, kB, { once: true })
row('First visit: banner visible, median (min–max)', (s) => s.first.bannerVisible, ms, { noNone: true, range: (s) => s.first.bannerVisibleRange })
if (LIB_IDS.some(SERVER_RENDERED)) row('First visit: banner file requested at (Cookiegate only)', (s) => s.first.uiRequested, ms, { noNone: true })
row('First visit: script time', (s) => s.first.script, ms)
row('First visit: long tasks', (s) => s.first.longTasks, num)
row('First visit: CLS', (s) => s.first.cls, clsFmt)
row('Returning: JS + CSS (gzip)', (s) => s.returning.bytes, kB, { once: true })
row('Returning: JS (gzip)', (s) => s.returning.js, kB, { once: true })
row('Returning: CSS (gzip)', (s) => s.returning.css, kB, { once: true })
row('Returning: JS executed, files that ran (gzip; V8 coverage)', (s, rate, id) => summary[id].coverage?.gzip, kB, { once: true })
row('Returning: JS executed, code that ran only (gzip; V8 block coverage)', (s, rate, id) => summary[id].coverage?.executedGzip, kB, { once: true })
row('Returning: script time', (s) => s.returning.script, ms)
row('Returning: analytics started', (s) => s.returning.analyticsStart, ms)
row('Returning: analytics later than none by', (s, rate) => (s.returning.analyticsStart == null || noneStart(rate) == null ? null : s.returning.analyticsStart - noneStart(rate)), delay, { noNone: true })
row(`Returning, three gated tags (each answers in ${TAG_MS} ms): third tag started`, (s) => s.tags.lastTagStart, ms)
row('Preferences: click → dialog visible', (s) => s.returning.prefsOpen, ms, { noNone: true })
row('Preferences: bytes fetched to open', (s) => s.returning.prefsBytes, kB, { once: true, noNone: true })

if (LIGHTHOUSE_ONLY) rows.length = 0
if (lighthouse) rows.push(...lighthouseRows(lighthouse, LIB_IDS, RATIO_WITH, { ms, ratio }))

let ratioHeads = RATIO_WITH.map((c) => `Cookiegate / ${LIBS[c].label.split(' ')[0]}`)
let head = ['Median', ...LIB_IDS.map((id) => LIBS[id].label), ...ratioHeads]
let table = [`| ${head.join(' | ')} |`, `| ${head.map((_, i) => (i ? '---:' : '---')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n')

if (LIGHTHOUSE_ONLY) {
  let file = join(HERE, 'results-lighthouse.json')
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), chromium: chromiumVersion, node: process.version, ...lighthouse }, null, 2) + '\n')
  console.log(`\n${table}\n\nLighthouse ${lighthouse.version}, median of ${lighthouse.runs} runs per page${lighthouse.failures.length ? `, ${lighthouse.failures.length} failed run(s)` : ''}. Wrote bench/results-lighthouse.json.`)
  process.exit(lighthouse.failures.length ? 1 : 0)
}

const meta = {
  date: new Date().toISOString(),
  lighthouseRuns: lighthouse?.runs ?? 0,
  chromium: chromiumVersion,
  node: process.version,
  playwrightCore: JSON.parse(readFileSync(join(NM, 'playwright-core/package.json'), 'utf8')).version,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  platform: `${os.platform()} ${os.release()}`,
  runs: RUNS,
  cpuThrottling: THROTTLES,
  versions: {
    cookiegate: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
    'vanilla-cookieconsent': JSON.parse(readFileSync(join(NM, 'vanilla-cookieconsent/package.json'), 'utf8')).version,
    orejime: JSON.parse(readFileSync(join(NM, 'orejime/package.json'), 'utf8')).version
  },
  durationSeconds: Math.round((Date.now() - started) / 1000),
  loadAverage: { median: median(loads), max: Math.max(...loads, 0) }
}
const busy = meta.loadAverage.median > meta.cores

let checksFailed = false
let checkLines = LIB_IDS.map((id) => {
  let c = checks[id]
  let bad = []
  if (c.gatedBeforeConsent === false) bad.push('analytics ran BEFORE consent')
  if (!c.ranAfterAccept) bad.push('analytics did not run after accepting')
  if (!c.ranOnceOnReturn) bad.push('analytics did not run exactly once on the returning view')
  if (!c.noBannerOnReturn) bad.push('banner shown to a returning visitor')
  if (c.missingFiles.length) bad.push(`missing files: ${c.missingFiles.join(', ')}`)
  if (c.pageErrors.length) bad.push(`page errors: ${c.pageErrors.join(' | ')}`)
  // Out of document order is Cookiegate's failure (README "Gated tags"); a competitor's is reported only.
  let tags = c.tagsInOrder === false ? 'the three gated tags did not all run once, in document order' : null
  if (tags && id === 'cookiegate') bad.push(tags)
  if (bad.length) checksFailed = true
  if (tags && id !== 'cookiegate') bad.push(`note: ${tags}`)
  return `- ${LIBS[id].label}: ${bad.length ? bad.join('; ') : 'ok'} (first visit loads ${c.filesFirstVisit.map((f) => f.split(' ')[0]).join(', ') || 'nothing'}; returning view loads ${c.filesReturning.map((f) => f.split(' ')[0]).join(', ') || 'nothing'})`
})

// ---------------------------------------------------------------- the targets of issue #15, from this run

const KIB = 1024
const kib = (b) => `${kB(b)} (${(b / KIB).toFixed(1)} KiB)`
const CG_PAGES = ['cookiegate', 'cookiegate-server-nopreload', 'cookiegate-server'].filter((id) => LIB_IDS.includes(id))
const targetRows = []
/** One target: `reference` is what it is compared with; `measure(id)` gives [text, met] per Cookiegate page, or null. */
const target = (label, reference, measure) =>
  targetRows.push([
    label,
    reference ?? 'not measured',
    ...CG_PAGES.map((id) => {
      let m = reference == null ? null : measure(id)
      return m == null || m[0] == null ? 'not measured' : `${m[0]}: ${m[1] ? 'met' : '**missed**'}`
    })
  ])
const at = (id, rate = THROTTLES[0]) => summary[id]?.[rate]
target('First visit: loader + everything that arrived until the banner is visible (CSS included) ≤ 11 KiB gzip', '11 KiB = 11,264 B', (id) => {
  let v = at(id)?.first.atBanner
  return v == null ? null : [kib(v), v <= 11 * KIB]
})
target('Returning visitor: JavaScript executed ≤ 4 KiB gzip (whole files that ran; the code that ran alone in brackets)', '4 KiB = 4,096 B', (id) => {
  let c = summary[id]?.coverage
  return c == null ? null : [`${kib(c.gzip)} [${kib(c.executedGzip)}]`, c.gzip <= 4 * KIB]
})
const lhValue = (id, audit) => lighthouse?.summary[id]?.[audit] ?? null
const lhCell = (id, audit) => `${ms(lhValue(id, audit))}${span(lighthouse?.summary[id]?.range?.[audit])}`
const vcc = 'vanilla-cookieconsent'
const has = (...ids) => ids.every((id) => LIB_IDS.includes(id) && lhValue(id, 'bootup-time') != null)
target('Lighthouse mobile: JavaScript boot-up ≤ 0.5× vanilla-cookieconsent\'s', has(vcc) ? `${LIBS[vcc].label} ${lhCell(vcc, 'bootup-time')}, so ≤ ${ms(lhValue(vcc, 'bootup-time') / 2)}` : null, (id) =>
  lhValue(id, 'bootup-time') == null ? null : [`${lhCell(id, 'bootup-time')}, ${ratio(lhValue(id, 'bootup-time'), lhValue(vcc, 'bootup-time'))}`, lhValue(id, 'bootup-time') <= lhValue(vcc, 'bootup-time') / 2]
)
let lhCompetitors = COMPETITORS.filter((c) => has(c))
target(
  'Lighthouse mobile: First Contentful Paint no later than the competitors\'',
  lhCompetitors.length ? lhCompetitors.map((c) => `${LIBS[c].label} ${lhCell(c, 'first-contentful-paint')}`).join(', ') : null,
  (id) => (lhValue(id, 'first-contentful-paint') == null ? null : [lhCell(id, 'first-contentful-paint'), lhValue(id, 'first-contentful-paint') <= Math.min(...lhCompetitors.map((c) => lhValue(c, 'first-contentful-paint')))])
)
target('Lighthouse mobile: Total Blocking Time no higher than Orejime\'s (within 10 ms)', has('orejime') ? `${LIBS.orejime.label} ${lhCell('orejime', 'total-blocking-time')}, so ≤ ${ms(lhValue('orejime', 'total-blocking-time') + 10)}` : null, (id) =>
  lhValue(id, 'total-blocking-time') == null ? null : [lhCell(id, 'total-blocking-time'), lhValue(id, 'total-blocking-time') <= lhValue('orejime', 'total-blocking-time') + 10]
)
for (let rate of THROTTLES) {
  let fastest = COMPETITORS.filter((c) => at(c, rate)?.first.bannerVisible != null).sort((a, b) => at(a, rate).first.bannerVisible - at(b, rate).first.bannerVisible)[0]
  let best = fastest && at(fastest, rate).first
  target(`Banner visible no later than the fastest competitor, CPU ${rate}× (median, min–max of ${RUNS} runs)`, best ? `${LIBS[fastest].label} ${ms(best.bannerVisible)}${span(best.bannerVisibleRange)}` : null, (id) => {
    let v = at(id, rate)?.first
    return v?.bannerVisible == null ? null : [`${ms(v.bannerVisible)}${span(v.bannerVisibleRange)}`, v.bannerVisible <= best.bannerVisible]
  })
}
const targetsTable = [
  `| target | compared with | ${CG_PAGES.map((id) => LIBS[id].label).join(' | ')} |`,
  `| --- | --- | ${CG_PAGES.map(() => '---').join(' | ')} |`,
  ...targetRows.map((r) => `| ${r.join(' | ')} |`)
].join('\n')

let md = `## Cookie consent libraries, measured side by side

### Targets of issue #15, from this run

<!-- targets:start -->
${targetsTable}

${busy ? `> The machine was busy during this run (median 1-minute load average ${meta.loadAverage.median.toFixed(1)} on ${meta.cores} cores): the timings are noisy.\n\n` : ''}Bytes are gzip as served (zlib level 6). "Arrived until the banner is visible": the page origin's JS and CSS files whose response was complete in the first frame that shows the banner. "JavaScript executed": V8 precise coverage of a returning view; the status is for the whole files that ran (downloaded, parsed and, with the compile hint, compiled), the bracket is the gzip of just the code inside blocks that ran. Lighthouse: median (min–max) of ${lighthouse?.runs ?? 0} runs per page.
<!-- targets:end -->

### Every figure

${table}

${busy ? `> Note: the machine was busy with other work during this run (median 1-minute load average ${meta.loadAverage.median.toFixed(1)} on ${meta.cores} cores), so the timings are noisy; byte counts are exact.\n\n` : ''}${meta.date.slice(0, 10)}, Chromium ${meta.chromium} (headless, playwright-core ${meta.playwrightCore}), Node ${meta.node}, ${meta.cpu} (${meta.cores} cores); median of ${RUNS} runs per library and CPU rate, a fresh browser context each run.
Versions: Cookiegate ${meta.versions.cookiegate}, vanilla-cookieconsent ${meta.versions['vanilla-cookieconsent']}, Orejime ${meta.versions.orejime}. Ratios below 1× mean Cookiegate is smaller or faster.

How: the same marketing page per library (two categories, the same gated analytics script from a second origin, the same footer link), served from loopback with gzip and no caching. Bytes are the gzip bodies of the JS and CSS the page loaded from its own origin. "Banner visible" is the first animation frame, counted from navigation start, in which the banner is rendered (in the viewport, not hidden, not fully transparent). Script time is Chromium's ScriptDuration once the page is idle. A returning visitor accepted all in an earlier page view; "analytics started" is when the gated script's first line ran. "Three gated tags": the same page with the library's gated tag three times over, each from the second origin answering ${TAG_MS} ms late; the time is when the third one's first line ran (each library ran them in document order unless a check below says otherwise). "Click → dialog visible" opens each library's own preferences from the footer link. Method in detail: \`bench/run.mjs\`.${lighthouse ? `\nLighthouse rows: Lighthouse ${lighthouse.version} CLI with the same Chromium and flags, mobile form factor, simulated throttling, performance category, median of ${lighthouse.runs} runs per page (pages interleaved), \`bench/lighthouse.mjs\`.` : ''}

Checks:
${checkLines.join('\n')}
${failures.length ? `\nFailed attempts (${lost.length} run(s) lost after a retry, left out of the medians):\n${failures.map((f) => `- ${f.id} ${f.rate}× run ${f.run + 1} ${f.kind}, attempt ${f.attempt}: ${f.error}`).join('\n')}\n` : ''}`

writeFileSync(join(HERE, 'results.json'), JSON.stringify({ ...meta, summary, targets: { pages: CG_PAGES, rows: targetRows }, checks, failures, lost, raw, coverage, lighthouse }, null, 2) + '\n')
writeFileSync(join(HERE, 'results.md'), md)
console.log('\n' + md)
console.log(`Wrote bench/results.json and bench/results.md in ${meta.durationSeconds} s.`)
process.exit(lost.length || checksFailed ? 1 : 0)
