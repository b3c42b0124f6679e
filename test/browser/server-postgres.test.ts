/**
 * cookiegate/server/postgres against a real PostgreSQL (started here, see ./postgres.ts): receipts
 * from a Chromium page reach `createReceiptHandler` through a node:http server (`toNodeListener`),
 * land in the table, are listed and erased; concurrent posts land exactly once; bad bodies write nothing.
 */
import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createReceiptHandler, toNodeListener } from '../../src/server'
import { createPostgresStore, receiptsTableSql, type PostgresStore } from '../../src/server/postgres'
import { html, useHarness, waitFor } from './harness'
import { startPostgres, type Postgres } from './postgres'

const harness = useHarness()
let postgres: Postgres
let pool: pg.Pool
let store: PostgresStore
let server: Server
let endpoint: string

beforeAll(async () => {
  postgres = await startPostgres()
  pool = new pg.Pool({ ...postgres.connection, max: 20 })
  // Stopping the server at the end terminates connections the pool is still closing ("57P01
  // terminating connection due to administrator command"); pg re-emits that on the pool.
  pool.on('error', () => {})
  store = createPostgresStore({ pool })
  await store.setup()
  // Twice: the SQL is safe to run at every start.
  await store.setup()
  let listener = toNodeListener(createReceiptHandler({ store, trustIp: true }))
  server = createServer((req, res) => (req.url === '/consent-receipts' ? listener(req, res) : res.writeHead(404).end()))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/consent-receipts`
}, 120000)

afterAll(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(null)))
  await pool?.end()
  postgres?.stop()
})

const rows = async (where = 'true', values: unknown[] = []) =>
  Number((await pool.query(`SELECT count(*) AS n FROM cookiegate_receipts WHERE ${where}`, values)).rows[0].n)

const receipt = (id = randomUUID(), extra: object = {}) => ({
  v: 1,
  id,
  categories: { essential: true, analytics: true },
  services: {},
  method: 'accept-all',
  revision: 0,
  given: '2026-11-22T10:00:00.000Z',
  updated: '2026-11-22T10:00:00.000Z',
  url: 'https://www.example.com/',
  hash: '0badc0de',
  version: '0.1.0',
  ...extra
})
const post = (body: string | Uint8Array<ArrayBuffer>, type = 'text/plain;charset=UTF-8') => fetch(endpoint, { method: 'POST', body, headers: { 'content-type': type } })

describe('receipts in PostgreSQL', () => {
  test('receipts from a Chromium page land in the table, are listed and erased', async () => {
    let port = new URL(endpoint).port
    let config = { receipts: { url: `http://receipts.test:${port}/consent-receipts` } }
    let p = await harness().page(
      html('<footer><a href="#" data-cookie-settings>Cookie Settings</a></footer>', {
        head: `<script type="application/json" id="cookiegate-config">${JSON.stringify(config)}</script>`
      })
    )
    await p.page.getByRole('button', { name: 'Accept all' }).click()
    let id: string = JSON.parse(decodeURIComponent((await p.context.cookies()).find((c) => c.name === 'cookiegate')!.value)).id
    await waitFor(() => store.history(id), (list) => list.length === 1, 10000)

    await p.page.getByRole('link', { name: 'Cookie Settings' }).click()
    let dialog = p.page.getByRole('dialog', { name: 'Cookie settings' })
    await dialog.getByRole('switch', { name: 'Analytics' }).uncheck()
    await dialog.getByRole('button', { name: 'Save choices' }).click()
    let history = await waitFor(() => store.history(id), (list) => list.length === 2, 10000)

    expect(history.map((h) => [h.receipt.method, h.receipt.categories.analytics])).toEqual([['accept-all', true], ['custom', false]])
    expect(history[0]!.receipt.url).toBe(p.url)
    expect(history[0]!.receivedAt).toBeInstanceOf(Date)
    // trustIp: true keeps the connection's address (loopback here).
    expect(history[0]!.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$/)
    expect(await rows('consent_id = $1', [id])).toBe(2)

    expect(await store.erase(id)).toBe(2)
    expect(await store.history(id)).toEqual([])
    expect(await rows('consent_id = $1', [id])).toBe(0)
    p.assertClean()
  })

  test('200 posts at once all land, each exactly once; a receipt sent again is kept once', async () => {
    let list = Array.from({ length: 200 }, () => receipt())
    let statuses = await Promise.all(list.map((r) => post(JSON.stringify(r)).then((res) => res.status)))
    expect(statuses.filter((s) => s === 204)).toHaveLength(200)
    let ids = list.map((r) => r.id)
    let counts = await pool.query('SELECT consent_id::text AS id, count(*)::int AS n FROM cookiegate_receipts WHERE consent_id = ANY($1::uuid[]) GROUP BY 1', [ids])
    expect(counts.rows).toHaveLength(200)
    expect(counts.rows.every((row) => row.n === 1)).toBe(true)
    console.log(`PostgreSQL: 200 concurrent posts → ${statuses.filter((s) => s === 204).length} × 204, ${counts.rows.length} consent ids with one row each`)

    let again = receipt()
    let replays = await Promise.all(Array.from({ length: 10 }, () => post(JSON.stringify(again)).then((res) => res.status)))
    expect(replays).toEqual(Array(10).fill(204))
    expect(await rows('consent_id = $1', [again.id])).toBe(1)
  })

  test('bad bodies are refused and nothing is written', async () => {
    let before = await rows()
    let id = randomUUID()
    let cases: [string, string | Uint8Array<ArrayBuffer>, number][] = [
      ['not JSON', 'v=1&id=' + id, 400],
      ['wrong types', JSON.stringify(receipt(id, { revision: '0', categories: { analytics: 'yes' } })), 400],
      ['1 MB', JSON.stringify(receipt(id, { url: 'https://www.example.com/' + 'a'.repeat(1 << 20) })), 413],
      ['__proto__', JSON.stringify(receipt(id)).replace('{', '{"__proto__":{"admin":true},'), 400],
      ['__proto__ category', JSON.stringify(receipt(id)).replace('"essential"', '"__proto__":true,"essential"'), 400],
      ['invalid UTF-8', new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]), 400]
    ]
    for (let [name, body, status] of cases) {
      let response = await post(body)
      expect([name, response.status]).toEqual([name, status])
    }
    expect((await fetch(endpoint)).status).toBe(405)
    expect(await rows()).toBe(before)
    expect(await rows('consent_id = $1', [id])).toBe(0)
  })

  test('the table is append-only, and another table name works with a Client', async () => {
    let r = receipt()
    expect((await post(JSON.stringify(r))).status).toBe(204)
    await expect(pool.query(`UPDATE cookiegate_receipts SET receipt = '{}' WHERE consent_id = $1`, [r.id])).rejects.toThrow(/append-only/)
    expect((await store.history(r.id))[0]!.receipt).toEqual(r)
    // Not a UUID: nothing to list or erase, and no SQL error.
    expect(await store.history("x' OR 1=1 --")).toEqual([])
    expect(await store.erase('not-an-id')).toBe(0)

    let client = new pg.Client(postgres.connection)
    await client.connect()
    try {
      await client.query('CREATE SCHEMA IF NOT EXISTS site')
      let other = createPostgresStore({ client, table: 'site.consent_receipts' })
      await other.setup()
      await other.save(r as never, { receivedAt: new Date(), ip: '2001:db8::1' })
      expect((await other.history(r.id)).map((h) => h.ip)).toEqual(['2001:db8::1'])
      expect(await other.erase(r.id)).toBe(1)
    } finally {
      await client.end()
    }
    expect(() => receiptsTableSql('receipts; DROP TABLE x')).toThrow(/not a plain table name/)
  })
})
