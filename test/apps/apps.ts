/**
 * The example apps (examples/<name>) as a user gets them: `npm ci`, the packed tarball installed
 * on top (never a link to src/), the app's own build, then a loopback server for Chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, extname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
/** Written by pack.ts (the project's global setup). */
export const TARBALL = join(REPO, 'test-results/apps/cookiegate.tgz')

/** Runs a command in `cwd`; resolves with its output, rejects with it when the command fails. */
export function sh(cwd: string, command: string, args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    let child = spawn(command, args, { cwd, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.stderr.on('data', (chunk) => (out += chunk))
    child.on('error', fail)
    child.on('close', (code) => (code === 0 ? done(out) : fail(new Error(`${command} ${args.join(' ')} failed in ${cwd} (${code}):\n${out}`))))
  })
}

export interface BuiltApp {
  dir: string
  /** Output of `npm run build`. */
  buildLog: string
  /** Seconds spent in each step. */
  timings: Record<string, number>
}

/** Installs examples/<name> from its lockfile plus the packed tarball, and builds it. */
export async function buildApp(name: string): Promise<BuiltApp> {
  let dir = join(REPO, 'examples', name)
  if (!existsSync(TARBALL)) throw new Error(`${TARBALL} is missing (test/apps/pack.ts makes it)`)
  let timings: Record<string, number> = {}
  let step = async (label: string, args: string[]) => {
    let start = Date.now()
    let out = await sh(dir, 'npm', args)
    timings[label] = (Date.now() - start) / 1000
    return out
  }
  await step('npm ci', ['ci', '--no-audit', '--no-fund'])
  // `--no-save`: the app's package.json and lockfile stay as committed.
  await step('install tarball', ['install', '--no-save', '--no-audit', '--no-fund', TARBALL])
  let buildLog = await step('build', ['run', 'build'])
  console.log(`examples/${name}: ${Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')}`)
  return { dir, buildLog, timings }
}

export interface AppServer {
  url: string
  /** What the server printed (a server-side crash shows up here). */
  log(): string
  close(): Promise<void>
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }

/** Serves a static build folder (a Vite app's dist/) on 127.0.0.1. */
export async function serveStatic(root: string): Promise<AppServer> {
  let server: Server = createServer((req, res) => {
    let path = new URL(req.url || '/', 'http://x').pathname
    let file = join(root, path.endsWith('/') ? path + 'index.html' : path)
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found')
      return
    }
    res.writeHead(200, { 'content-type': `${TYPES[extname(file)] || 'application/octet-stream'}; charset=utf-8` })
    res.end(readFileSync(file))
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log: () => '',
    close: () => new Promise((done) => (server.closeAllConnections(), server.close(() => done())))
  }
}

async function freePort(): Promise<number> {
  let probe = createServer()
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done))
  let { port } = probe.address() as AddressInfo
  await new Promise((done) => probe.close(done))
  return port
}

/** `next start` on 127.0.0.1. */
export const serveNext = (dir: string) => serveCommand(dir, 'next start', (port) => ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', port])

/** The app's Vite dev server (hot module replacement) on 127.0.0.1. */
export const serveViteDev = (dir: string) =>
  serveCommand(dir, 'vite', (port) => ['node_modules/vite/bin/vite.js', '--host', '127.0.0.1', '--port', port, '--strictPort'])

/** Runs a server of the app (`node <args>`) on a free loopback port; resolves once it answers. */
async function serveCommand(dir: string, label: string, args: (port: string) => string[]): Promise<AppServer> {
  let port = await freePort()
  let url = `http://127.0.0.1:${port}`
  let output = ''
  // Its own process group, so that close() ends the server and whatever it started, and only those.
  let child: ChildProcess = spawn(process.execPath, args(String(port)), {
    cwd: dir,
    detached: true,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }
  })
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  let exited = new Promise<void>((done) => child.once('exit', () => done()))
  let close = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {}
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))])
  }
  let end = Date.now() + 30000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${label} exited (${child.exitCode}):\n${output}`)
    try {
      if ((await fetch(url + '/')).ok) break
    } catch {}
    if (Date.now() > end) {
      await close()
      throw new Error(`${label} did not answer within 30 s:\n${output}`)
    }
    await new Promise((done) => setTimeout(done, 200))
  }
  return { url, log: () => output, close }
}
