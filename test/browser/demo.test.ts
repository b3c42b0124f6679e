/**
 * The demo (`npm run demo`, demo/): its pages fit a phone (the privacy page's cookie table
 * scrolls in its own box), each visitor's panel lists only that visitor's events, and one signal
 * stops everything `npm run demo` started.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { connect, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext } from 'playwright-core'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchChromium, REGULAR_CHROME, waitFor } from './harness'

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

let server: ViteDevServer
let browser: Browser
let base: string
let cacheDir: string

beforeAll(async () => {
  // A cache of our own, so this never races `npm run demo` over node_modules/.vite.
  cacheDir = mkdtempSync(join(tmpdir(), 'cookiegate-demo-vite-'))
  server = await createServer({
    configFile: resolve(REPO, 'demo/vite.config.ts'),
    cacheDir,
    logLevel: 'error',
    clearScreen: false,
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { port: 0, host: '127.0.0.1', strictPort: false, watch: null }
  })
  await server.listen()
  base = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  rmSync(cacheDir, { recursive: true, force: true })
})

describe('demo pages', () => {
  test('fit a phone at 320, 360 and 390 px: nothing widens the page', async () => {
    let widths: string[] = []
    for (let width of [320, 360, 390]) {
      let context = await browser.newContext({ viewport: { width, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 })
      let page = await context.newPage()
      for (let path of ['/', '/privacy.html', '/spa.html']) {
        await page.goto(base + path, { waitUntil: 'load' })
        await page.evaluate(() => document.fonts.ready)
        // The page's width, and anything that sticks out of the screen outside a box that scrolls.
        let wide = await page.evaluate(() => {
          let scrolls = (el: Element | null): boolean =>
            !!el && (/auto|scroll/.test(getComputedStyle(el).overflowX) || scrolls(el.parentElement))
          let out = [...document.body.querySelectorAll('*')]
            .filter((el) => el.getBoundingClientRect().right > visualViewport!.width + 0.5 && !scrolls(el.parentElement))
            .map((el) => `${el.tagName.toLowerCase()} to ${Math.round(el.getBoundingClientRect().right)}`)
          return [document.documentElement.scrollWidth, ...[...new Set(out)].slice(0, 3)].join(' ')
        })
        widths.push(`${width} ${path} ${wide}`)
      }
      await context.close()
    }
    console.log(widths.join('\n'))
    expect(widths).toEqual([320, 360, 390].flatMap((w) => ['/', '/privacy.html', '/spa.html'].map((path) => `${w} ${path} ${w}`)))
  })
})

describe('demo analytics panel', () => {
  test('lists this visitor’s own events only', async () => {
    interface Visitor {
      context: BrowserContext
      events: () => Promise<{ analytics: { distinct_id: string }[]; posthog: { distinct_id: string }[] }>
    }
    let visitor = async (): Promise<Visitor> => {
      let context = await browser.newContext(REGULAR_CHROME.context)
      await context.addInitScript(REGULAR_CHROME.init)
      let page = await context.newPage()
      await page.goto(base + '/', { waitUntil: 'load' })
      await page.getByRole('region', { name: 'Cookies on this site' }).getByRole('button', { name: 'Accept all' }).click()
      let events = () =>
        page.evaluate(async () => ({
          analytics: await (await fetch('/demo-analytics/events')).json(),
          posthog: await (await fetch('/ingest/events')).json()
        }))
      // Both vendors have sent something for this visitor.
      await waitFor(events, (e) => e.analytics.length > 0 && e.posthog.length > 0, 15000)
      return { context, events }
    }
    let a = await visitor()
    let b = await visitor()
    let [ea, eb] = [await a.events(), await b.events()]
    expect(ea.analytics.length).toBeGreaterThan(0)
    expect(eb.analytics.length).toBeGreaterThan(0)
    expect(ea.posthog.length).toBeGreaterThan(0)
    expect(eb.posthog.length).toBeGreaterThan(0)
    let ids = (list: { distinct_id: string }[]) => new Set(list.map((e) => e.distinct_id))
    // Each visitor's own ids only: the two visitors' lists share none.
    for (let kind of ['analytics', 'posthog'] as const) {
      let shared = [...ids(ea[kind])].filter((id) => ids(eb[kind]).has(id))
      expect(shared, kind).toEqual([])
    }
    // A request without a consent cookie (someone else, or before any choice) gets nothing.
    let anonymous = await (await fetch(base + '/demo-analytics/events')).json()
    expect(anonymous).toEqual([])
    await Promise.all([a.context.close(), b.context.close()])
  })
})

/** The pids of `pid` and all its descendants. */
function tree(pid: number): number[] {
  let rows = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number])
  let found = [pid]
  for (let i = 0; i < found.length; i++) for (let [child, parent] of rows) if (parent === found[i]) found.push(child)
  return found
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

const portOpen = (port: number) =>
  new Promise<boolean>((done) => {
    let socket = connect(port, '127.0.0.1')
    socket.once('connect', () => (socket.destroy(), done(true)))
    socket.once('error', () => done(false))
  })

describe('npm run demo', () => {
  // `--serve-only`: dist/ is already built for the browser suite, and rebuilding it here would
  // empty it under the other test files. The build runs in the same process, before the server.
  for (let [label, signal, group] of [
    ['one SIGINT to npm', 'SIGINT', false],
    ['one SIGTERM to npm', 'SIGTERM', false],
    ['Ctrl-C (SIGINT to the terminal’s process group)', 'SIGINT', true]
  ] as const) {
    test(`${label} stops everything it started and frees the port`, async () => {
      let child: ChildProcess = spawn('npm', ['run', 'demo', '--', '--serve-only', '--port', '0'], {
        cwd: REPO,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe']
      })
      let output = ''
      child.stdout!.on('data', (chunk) => (output += chunk))
      child.stderr!.on('data', (chunk) => (output += chunk))
      let exited = new Promise<void>((done) => child.once('exit', () => done()))
      let url = await waitFor(
        () => /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output.replace(/\x1b\[[0-9;]*m/g, '')),
        (m) => !!m,
        20000
      )
      expect(url, output).toBeTruthy()
      let port = Number(url![1])
      expect((await fetch(`http://127.0.0.1:${port}/privacy.html`)).status).toBe(200)
      let pids = tree(child.pid!)
      expect(pids.length).toBeGreaterThan(1)
      process.kill(group ? -child.pid! : child.pid!, signal)
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10000))])
      let left = await waitFor(() => pids.filter(alive), (l) => l.length === 0, 3000)
      // Clean up whatever a failing run left, by pid (never by name).
      for (let pid of left) process.kill(pid, 'SIGKILL')
      expect(left, 'processes still running').toEqual([])
      expect(await portOpen(port)).toBe(false)
    })
  }
})
