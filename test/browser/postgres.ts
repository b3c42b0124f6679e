/**
 * A throwaway PostgreSQL for the server tests: `initdb` in a temporary directory, started on a
 * free loopback port with its socket in that directory, stopped and deleted afterwards. As root
 * (CI containers) it runs as the `postgres` user, since initdb refuses root. Debian's
 * `postgresql` package provides it (.ci/run installs it); without it the tests fail, never skip.
 */
import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Postgres {
  port: number
  /** Connection options for `pg` (user `postgres`, trust authentication, loopback only). */
  connection: { host: string; port: number; user: string; database: string }
  stop(): void
}

function binDir(): string {
  let root = '/usr/lib/postgresql'
  let versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin/initdb'))) : []
  let newest = versions.sort((a, b) => Number(b) - Number(a))[0]
  if (!newest) throw new Error('PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb): `apt-get install postgresql` (.ci/run does it)')
  return join(root, newest, 'bin')
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    let server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      let { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

export async function startPostgres(): Promise<Postgres> {
  let bin = binDir()
  let dir = mkdtempSync(join(tmpdir(), 'cookiegate-pg-'))
  let root = process.getuid?.() === 0
  let run = (command: string) => {
    // Paths come from mkdtemp and the fixed install folder: nothing to quote.
    let args = root ? ['su', 'postgres', '-s', '/bin/sh', '-c', command] : ['/bin/sh', '-c', command]
    execFileSync(args[0]!, args.slice(1), { stdio: 'pipe', timeout: 60000 })
  }
  if (root) {
    let uid = Number(execFileSync('id', ['-u', 'postgres']).toString())
    let gid = Number(execFileSync('id', ['-g', 'postgres']).toString())
    chownSync(dir, uid, gid)
  }
  let port = await freePort()
  let data = join(dir, 'data')
  try {
    run(`${bin}/initdb -D ${data} -A trust -U postgres --no-sync --no-instructions`)
    run(`${bin}/pg_ctl -D ${data} -o "-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off" -l ${dir}/log -w -t 60 start`)
  } catch (error) {
    let log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8').slice(-2000) : ''
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`PostgreSQL did not start: ${(error as { stderr?: Buffer }).stderr?.toString() || error}\n${log}`)
  }
  return {
    port,
    connection: { host: '127.0.0.1', port, user: 'postgres', database: 'postgres' },
    stop() {
      try {
        run(`${bin}/pg_ctl -D ${data} -m fast -w -t 60 stop`)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}
