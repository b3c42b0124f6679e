// `npm run demo`: builds dist/ (the three Vite passes of `npm run build`; the demo needs no type
// declarations), then serves demo/ with Vite's dev server, all in this one process, so one Ctrl-C
// or one SIGINT/SIGTERM/SIGHUP to it (or to npm, which passes it on) stops everything it started.
// As `vite build && … && vite` under npm's shell, a SIGTERM to npm stopped the shell and left the
// dev server running on its port, and a SIGINT to npm alone stopped nothing.
//
//   --serve-only   skip the build (dist/ is already there)
//   --port N       listen on N (default 5173, the next free one if taken; 0: any free port)
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, createServer } from 'vite'

const repo = resolve(fileURLToPath(import.meta.url), '../..')
const args = process.argv.slice(2)
const at = args.indexOf('--port')
const port = at >= 0 ? Number(args[at + 1]) : undefined

let server
let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  await server?.close().catch(() => {})
  process.exit(0)
}
for (let signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, stop)
// package.json runs this as `exec node …`, so npm's shell becomes this process and a signal npm
// passes on lands here. Should npm itself be killed outright, this process is handed to another
// parent: stop then too, rather than keep the port.
const parent = process.ppid
setInterval(() => process.ppid !== parent && stop(), 500).unref()

if (!args.includes('--serve-only')) {
  // The same passes as `npm run build`, in the same order (the first empties dist/).
  for (let mode of ['production', 'ui', 'iife']) {
    if (stopping) break
    await build({ root: repo, configFile: resolve(repo, 'vite.config.ts'), mode, logLevel: 'warn' })
  }
}
if (!stopping) {
  server = await createServer({
    configFile: resolve(repo, 'demo/vite.config.ts'),
    ...(port === undefined ? {} : { server: { port } })
  })
  await server.listen()
  server.printUrls()
  server.bindCLIShortcuts({ print: true })
}
