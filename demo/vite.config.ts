/**
 * `npm run demo`: builds dist/ and serves the demo pages from this folder on loopback.
 *
 * - `/cookiegate.js` (and anything else the script-tag file fetches from its own folder) comes
 *   from ../dist, so the marketing pages use the real built file, exactly as a site would.
 * - `/demo-analytics.js`, `/demo-analytics/capture` and `/demo-analytics/events` are a fake
 *   analytics vendor, so the demo works offline and shows what a gated tag did.
 * - `/ingest/…` stands in for PostHog's host (as a site's reverse proxy would): `static/array.js` is the
 *   real posthog-js from node_modules, the capture endpoints record events, `/ingest/events` lists them.
 * - Each visitor sees only their own events: every capture is filed under the consent id of the
 *   `cookiegate` cookie it arrived with, and the event lists answer with the requester's own.
 * - `/demo-video.html` is a stand-in for a video host's embed page (the product tour on the
 *   marketing page, gated by the `marketing` category); it sets a cookie of its own, as such hosts do.
 * - `import … from 'cookiegate'` in the SPA resolves to ../src/index.ts.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { gunzipSync } from 'node:zlib'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { basename, dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'

const demoDir = dirname(fileURLToPath(import.meta.url))
const repoDir = resolve(demoDir, '..')
const distDir = resolve(repoDir, 'dist')

interface AnalyticsEvent {
  event: string
  distinct_id: string
  url: string
  page: string | null
  referrer: string
  sent: string
  received: string
  /** Whether the request carried the `_ga` cookie the tag set. */
  cookie: boolean
}

const MAX_EVENTS = 200
const MAX_VISITORS = 500
const MAX_BODY = 10_000

/**
 * The consent id in the request's `cookiegate` cookie (CONTRACT §5), or '' without one. Events are
 * sent only once a choice allowed them, so every event of a visitor carries it; the id is random
 * and first-party, so one visitor's panel never shows another's events.
 */
function visitorOf(req: IncomingMessage): string {
  let match = /(?:^|;\s*)cookiegate=([^;]*)/.exec(req.headers.cookie || '')
  try {
    let id = match && JSON.parse(decodeURIComponent(match[1]!)).id
    return typeof id === 'string' ? id.slice(0, 100) : ''
  } catch {
    return ''
  }
}

/** Events filed per visitor, the newest MAX_EVENTS each; the visitor seen least recently goes first. */
function eventLog<T>() {
  let byVisitor = new Map<string, T[]>()
  return {
    add(visitor: string, event: T) {
      if (!visitor) return
      let list = byVisitor.get(visitor) || []
      byVisitor.delete(visitor)
      byVisitor.set(visitor, [...list, event].slice(-MAX_EVENTS))
      if (byVisitor.size > MAX_VISITORS) byVisitor.delete(byVisitor.keys().next().value!)
    },
    of: (visitor: string): T[] => (visitor && byVisitor.get(visitor)) || []
  }
}

/** The fake vendor's tag: a first-party cookie, a localStorage key and a pageview. */
const ANALYTICS_TAG = `/* Demo analytics: a stand-in for a real vendor's tag (PostHog, Google Analytics). */
(function () {
  var script = document.currentScript;
  var page = (script && script.getAttribute('data-page')) || null;
  var match = document.cookie.match(/(?:^|;\\s*)_ga=([^;]*)/);
  var id = match ? decodeURIComponent(match[1]) : 'demo.' + Math.random().toString(36).slice(2, 12);
  document.cookie = '_ga=' + id + '; path=/';
  try {
    localStorage.setItem('ph_demo', JSON.stringify({ distinct_id: id, seen: new Date().toISOString() }));
  } catch (e) {}
  var info = { id: id, page: page, ranAt: new Date().toISOString() };
  window.demoAnalytics = window.demoAnalytics || { runs: [] };
  window.demoAnalytics.runs.push(info);
  document.dispatchEvent(new CustomEvent('demo-analytics:ran', { detail: info }));
  fetch('/demo-analytics/capture', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    keepalive: true,
    body: JSON.stringify({
      event: 'pageview',
      distinct_id: id,
      url: location.pathname + location.search + location.hash,
      page: page,
      referrer: document.referrer,
      sent: info.ranAt
    })
  }).catch(function () {});
})();
`

/** A video host's embed page, offline: a poster with a play button and a cookie of its own. */
const VIDEO_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Product tour · Acme Metrics</title>
<link rel="icon" href="data:,">
<style>
  html, body { margin: 0; height: 100%; }
  body { display: grid; place-items: center; font: 15px/1.4 system-ui, sans-serif; color: #fff;
    background: radial-gradient(circle at 30% 20%, #6366f1, #1e1b4b 70%); }
  button { display: grid; place-items: center; width: 72px; height: 72px; border: 0; border-radius: 50%;
    background: rgb(255 255 255 / 0.92); cursor: pointer; box-shadow: 0 8px 24px rgb(0 0 0 / 0.35); }
  button:focus-visible { outline: 3px solid #fff; outline-offset: 4px; }
  svg { width: 28px; height: 28px; margin-left: 4px; fill: #312e81; }
  p { position: absolute; left: 16px; bottom: 12px; margin: 0; opacity: 0.9; }
  .bar { position: absolute; left: 0; right: 0; bottom: 0; height: 4px; background: rgb(255 255 255 / 0.25); }
  .bar span { display: block; width: 0; height: 100%; background: #fff; transition: width 2s linear; }
  .playing .bar span { width: 100%; }
</style>
</head>
<body>
<button type="button" aria-label="Play the product tour"><svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 4l14 8-14 8z"/></svg></button>
<p>Product tour · 2:04 (demo video host, served locally)</p>
<div class="bar"><span></span></div>
<script>
  document.cookie = 'demo_video_visitor=' + Math.random().toString(36).slice(2, 10) + '; path=/; SameSite=Lax';
  document.querySelector('button').addEventListener('click', function () { document.body.classList.add('playing'); });
</script>
</body>
</html>
`

interface PostHogEvent {
  event: string
  distinct_id: string
  url: string
  received: string
}

const POSTHOG_ARRAY_JS = createRequire(import.meta.url).resolve('posthog-js/dist/array.js')
const POSTHOG_CAPTURE = ['/ingest/e/', '/ingest/i/v0/e/', '/ingest/batch/', '/ingest/capture/']

/** posthog-js sends JSON, gzip (`compression=gzip-js`) or a base64 form field (`data=`). */
function decodePostHog(body: Buffer): Record<string, any>[] {
  let text = body[0] === 0x1f && body[1] === 0x8b ? gunzipSync(body).toString('utf8') : body.toString('utf8')
  if (text.startsWith('data=')) text = Buffer.from(decodeURIComponent(text.slice(5)), 'base64').toString('utf8')
  let data = JSON.parse(text)
  return Array.isArray(data) ? data : Array.isArray(data.batch) ? data.batch : [data]
}

const readRaw = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((done, fail) => {
    let chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      if ((size += chunk.length) > 1_000_000) {
        fail(new Error('body too large'))
        req.destroy()
      }
    })
    req.on('end', () => done(Buffer.concat(chunks)))
    req.on('error', fail)
  })

const send = (res: ServerResponse, status: number, type: string, body: string) => {
  res.statusCode = status
  res.setHeader('Content-Type', type)
  res.setHeader('Cache-Control', 'no-store')
  res.end(body)
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((done, fail) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => {
      body += chunk
      if (body.length > MAX_BODY) {
        fail(new Error('body too large'))
        req.destroy()
      }
    })
    req.on('end', () => done(body))
    req.on('error', fail)
  })

const text = (v: unknown, max = 500): string => (typeof v === 'string' ? v.slice(0, max) : '')

function demoServer(): Plugin {
  let events = eventLog<AnalyticsEvent>()
  let posthogEvents = eventLog<PostHogEvent>()
  return {
    name: 'cookiegate-demo-server',
    configureServer(server) {
      // Added directly (not returned), so these run before Vite's own middlewares.
      server.middlewares.use((req, res, next) => {
        let path = new URL(req.url || '/', 'http://localhost').pathname

        if (req.method === 'GET' && path === '/ingest/static/array.js') {
          return send(res, 200, 'text/javascript; charset=utf-8', readFileSync(POSTHOG_ARRAY_JS, 'utf8'))
        }
        if (req.method === 'GET' && path === '/ingest/events') {
          return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(posthogEvents.of(visitorOf(req))))
        }
        if (path === '/ingest/flags/' || path === '/ingest/decide/') {
          return send(res, 200, 'application/json', '{"featureFlags":{},"featureFlagPayloads":{},"errorsWhileComputingFlags":false}')
        }
        if (req.method === 'POST' && POSTHOG_CAPTURE.includes(path)) {
          readRaw(req).then(
            (body) => {
              try {
                for (let e of decodePostHog(body)) {
                  posthogEvents.add(visitorOf(req), {
                    event: text(e.event, 50) || 'unknown',
                    distinct_id: text(e.distinct_id ?? e.properties?.distinct_id, 100),
                    url: text(e.properties?.$pathname),
                    received: new Date().toISOString()
                  })
                }
              } catch {}
              send(res, 200, 'application/json', '{"status":1}')
            },
            () => send(res, 413, 'application/json', '{"error":"body too large"}')
          )
          return
        }
        // Remote config (`/array/<token>/config[.js]`): nothing configured server-side in the demo.
        if (/^\/ingest\/array\/[^/]+\/config\.js$/.test(path)) return send(res, 200, 'text/javascript', '')
        if (path.startsWith('/ingest/')) return send(res, 200, 'application/json', '{}')

        if (req.method === 'GET' && path === '/demo-video.html') {
          return send(res, 200, 'text/html; charset=utf-8', VIDEO_PAGE)
        }
        if (req.method === 'GET' && path === '/demo-analytics.js') {
          return send(res, 200, 'text/javascript; charset=utf-8', ANALYTICS_TAG)
        }
        if (path === '/demo-analytics/events' && req.method === 'GET') {
          return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(events.of(visitorOf(req))))
        }
        if (path === '/demo-analytics/capture' && req.method === 'POST') {
          readBody(req).then(
            (body) => {
              let data: Record<string, unknown>
              try {
                data = JSON.parse(body) as Record<string, unknown>
              } catch {
                return send(res, 400, 'application/json', '{"error":"invalid JSON"}')
              }
              if (!data || typeof data !== 'object') return send(res, 400, 'application/json', '{"error":"expected an object"}')
              events.add(visitorOf(req), {
                event: text(data.event, 50) || 'unknown',
                distinct_id: text(data.distinct_id, 100),
                url: text(data.url),
                page: text(data.page) || null,
                referrer: text(data.referrer),
                sent: text(data.sent, 40),
                received: new Date().toISOString(),
                cookie: /(?:^|;\s*)_ga=/.test(req.headers.cookie || '')
              })
              send(res, 204, 'text/plain', '')
            },
            () => send(res, 413, 'application/json', '{"error":"body too large"}')
          )
          return
        }

        // The built script-tag file, plus anything it may load from its own folder (lazy UI chunks).
        // Files that exist in demo/ (or Vite's own paths) are left to Vite.
        if (req.method === 'GET' || req.method === 'HEAD') {
          let name = basename(path)
          let isTopLevel = path === '/' + name && /\.(m?js|css|map)$/.test(name)
          // The one language file the UI imports for a visitor who reads another language.
          let isLanguage = /^\/i18n\/[\w-]+\.js$/.test(path)
          if (path === '/cookiegate.js' || isLanguage || (isTopLevel && !existsSync(resolve(demoDir, name)))) {
            let file = resolve(distDir, isLanguage ? path.slice(1) : name)
            if (existsSync(file)) {
              let type = name.endsWith('.css') ? 'text/css' : name.endsWith('.map') ? 'application/json' : 'text/javascript'
              return send(res, 200, `${type}; charset=utf-8`, readFileSync(file, 'utf8'))
            }
            if (path === '/cookiegate.js') {
              return send(
                res,
                404,
                'text/javascript; charset=utf-8',
                'console.error("dist/cookiegate.js is missing: run `npm run build` (npm run demo does).")'
              )
            }
          }
        }
        next()
      })
    }
  }
}

export default defineConfig({
  root: demoDir,
  publicDir: resolve(demoDir, 'public'),
  // The SPA imports the package by name, as an app would; here that is the source.
  resolve: {
    alias: [{ find: /^cookiegate$/, replacement: resolve(repoDir, 'src/index.ts') }]
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // The sources read the package version (receipts, lazy-file URLs), which the library build defines.
  define: { __VERSION__: JSON.stringify(JSON.parse(readFileSync(resolve(repoDir, 'package.json'), 'utf8')).version) },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
    fs: { allow: [repoDir] }
  },
  preview: { host: '127.0.0.1' },
  plugins: [demoServer()]
})
