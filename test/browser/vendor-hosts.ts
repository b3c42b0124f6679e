/**
 * Loopback stand-ins for the vendor hosts (www.clarity.ms, connect.facebook.net, bat.bing.com and
 * their siblings), over https with a throwaway self-signed certificate made by openssl at test
 * time (never committed). Chromium reaches them through `--host-resolver-rules` (`vendorRules`),
 * the page's context through `ignoreHTTPSErrors`.
 *
 * Each stand-in script implements the vendor's public command queue (`clarity.q`, `fbq.queue` +
 * `fbq.callMethod`, `window.uetq` + `new UET({ q })`) and records every call it sees in
 * `window.__vendor` with a timestamp: first what was queued before it arrived, then each call.
 * Once granted, each writes the vendor's own first-party cookies and storage keys, and never
 * deletes them: what disappears on withdrawal was deleted by Cookiegate.
 *
 * `www.clarity.ms/tag/real…` serves the real Clarity tracker instead (clarity-js from npm, behind
 * a bootstrap that starts it as Clarity's tag does), uploading to `/collect` here.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** One request a vendor host received. */
export interface VendorRequest {
  host: string
  path: string
  method: string
  time: number
}

export interface VendorHosts {
  port: number
  /** Every request, in order. */
  requests: VendorRequest[]
  close(): Promise<void>
}

/** Vendor hosts and their sibling domains, all sent to the stand-in server. */
const HOSTS = ['www.clarity.ms', '*.clarity.ms', 'connect.facebook.net', '*.facebook.net', '*.facebook.com', 'bat.bing.com', '*.bing.com']

/** `--host-resolver-rules` for the harness's `*.test` hosts plus every vendor host on `port`. */
export const vendorRules = (port: number) =>
  `--host-resolver-rules=MAP *.test 127.0.0.1, ${HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ')}`

// Shared by the stand-ins: `log(vendor, args, queued)` records a call; cookies go on the parent domain.
const RECORDER = `var log = function (vendor, args, queued) {
  (window.__vendor = window.__vendor || []).push({ vendor: vendor, call: JSON.parse(JSON.stringify(Array.prototype.slice.call(args))), queued: queued, t: Date.now() });
};
var keep = function (name) {
  var domain = location.hostname.split('.').slice(-2).join('.');
  document.cookie = name + '=standin; domain=' + domain + '; path=/; max-age=86400';
};`

const CLARITY = `(function () {
  ${RECORDER}
  var granted = false;
  var run = function (args, queued) {
    log('clarity', args, queued);
    if (args[0] === 'consentv2') granted = args[1] && args[1].analytics_Storage === 'granted';
    if (args[0] === 'consent') granted = args[1] !== false;
    if (granted) { keep('_clck'); keep('_clsk'); }
  };
  var queue = (window.clarity && window.clarity.q) || [];
  window.clarity = function () { run(arguments, false); };
  for (var i = 0; i < queue.length; i++) run(queue[i], true);
})();`

const META = `(function () {
  ${RECORDER}
  var fbq = window.fbq, inited = false, granted = true;
  var run = function (args, queued) {
    log('meta', args, queued);
    if (args[0] === 'consent') granted = args[1] === 'grant';
    if (args[0] === 'init') inited = true;
    if (inited && granted) keep('_fbp');
  };
  var queue = fbq.queue.slice();
  fbq.queue = [];
  fbq.callMethod = function () { run(arguments, false); };
  for (var i = 0; i < queue.length; i++) run(queue[i], true);
})();`

// UET's queue is flat: push('consent', 'update', {...}) adds three items.
const UET = `(function () {
  ${RECORDER}
  var granted = false;
  var run = function (args, queued) {
    log('uet', args, queued);
    if (args[0] === 'consent') granted = args[2] && args[2].ad_storage === 'granted';
    if (granted) {
      keep('_uetsid'); keep('_uetvid');
      localStorage.setItem('_uetsid', 'standin'); localStorage.setItem('_uetsid_exp', '1');
      localStorage.setItem('_uetvid', 'standin'); localStorage.setItem('_uetvid_exp', '1');
    }
  };
  var WIDTH = { consent: 3, event: 3, set: 2 };
  window.UET = function (options) {
    log('uet', ['new UET', { ti: options.ti }], false);
    var q = options.q || [];
    for (var i = 0; i < q.length; ) {
      var n = WIDTH[q[i]] || 1;
      run(q.slice(i, i + n), true);
      i += n;
    }
    this.push = function () { run(arguments, false); };
  };
})();`

// What Clarity's tag does around the tracker: start first in the queue, then clarity.js.
const realClarityTag = (projectId: string) => `(function () {
  window.clarity('start', { projectId: ${JSON.stringify(projectId)}, upload: 'https://www.clarity.ms/collect', track: true, content: true, expire: 365, cookies: [] });
  window.clarity.q.unshift(window.clarity.q.pop());
  var s = document.createElement('script');
  s.async = true;
  s.src = 'https://scripts.clarity.ms/0.8.70/clarity.js';
  document.head.appendChild(s);
})();`
const CLARITY_JS = readFileSync(createRequire(import.meta.url).resolve('clarity-js/build/clarity.min.js'))

function certificate() {
  let dir = mkdtempSync(join(tmpdir(), 'cookiegate-vendors-tls-'))
  try {
    let names = HOSTS.map((host) => `DNS:${host}`).join(',')
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=www.clarity.ms',
      '-addext', `subjectAltName=${names}`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'pipe' })
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }
  } catch (error) {
    throw new Error('openssl is needed to make a throwaway certificate for the vendor hosts (apt-get install openssl)', { cause: error })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function startVendorHosts(): Promise<VendorHosts> {
  let requests: VendorRequest[] = []
  let server: Server = createServer(certificate(), (req, res) => {
    let host = (req.headers.host || '').replace(/:\d+$/, '')
    let path = new URL(req.url || '/', 'https://x').pathname
    requests.push({ host, path, method: req.method || 'GET', time: Date.now() })
    if (req.headers.origin) {
      res.setHeader('access-control-allow-origin', req.headers.origin)
      res.setHeader('access-control-allow-credentials', 'true')
      res.setHeader('access-control-allow-headers', req.headers['access-control-request-headers'] || '*')
    }
    let js = (body: string | Buffer) => res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(body)
    let tag = /^\/tag\/(\w+)$/.exec(path)
    if (host === 'www.clarity.ms' && tag) return js(tag[1]!.startsWith('real') ? realClarityTag(tag[1]!) : CLARITY)
    if (host === 'scripts.clarity.ms' && path.endsWith('/clarity.js')) return js(CLARITY_JS)
    if (host === 'connect.facebook.net' && path === '/en_US/fbevents.js') return js(META)
    if (host === 'bat.bing.com' && path === '/bat.js') return js(UET)
    res.writeHead(req.method === 'OPTIONS' ? 204 : 200, { 'content-type': 'text/plain' }).end()
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    async close() {
      server.closeAllConnections()
      await new Promise((done) => server.close(done))
    }
  }
}
