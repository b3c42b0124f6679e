// @vitest-environment node
import { describe, expect, test, vi } from 'vitest'
import { createReceiptHandler, type Receipt, type ReceiptMeta } from '../../src/server'

const RECEIPT = {
  v: 1,
  id: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b',
  categories: { essential: true, analytics: false },
  services: {},
  method: 'custom',
  revision: 0,
  given: '2026-11-22T10:00:00.000Z',
  updated: '2026-11-22T10:05:00.000Z',
  url: 'https://www.example.com/pricing',
  hash: '9e0c41d2',
  version: '0.1.0'
}

const memory = () => {
  let saved: [Receipt, ReceiptMeta][] = []
  return { saved, save: (receipt: Receipt, meta: ReceiptMeta) => void saved.push([receipt, meta]) }
}
const post = (body: BodyInit | null, headers: Record<string, string> = { 'content-type': 'text/plain;charset=UTF-8' }, method = 'POST') =>
  new Request('https://www.example.com/consent-receipts', { method, body, headers })

describe('createReceiptHandler', () => {
  test('stores the receipt the browser sends (text/plain JSON) and answers 204', async () => {
    let store = memory()
    let response = await createReceiptHandler({ store })(post(JSON.stringify(RECEIPT)))
    expect(response.status).toBe(204)
    expect(store.saved).toHaveLength(1)
    let [receipt, meta] = store.saved[0]!
    expect(receipt).toEqual(RECEIPT)
    expect(meta.receivedAt).toBeInstanceOf(Date)
    // No IP unless the site opts in.
    expect(meta).not.toHaveProperty('ip')
  })

  test.each([
    ['not JSON', 'hello', /not JSON/],
    ['an array', '[]', /expected a JSON object/],
    ['a wrong type', JSON.stringify({ ...RECEIPT, revision: '0' }), /revision/],
    ['a category that is not a boolean', JSON.stringify({ ...RECEIPT, categories: { analytics: 'yes' } }), /categories\.analytics/],
    ['an unknown key', JSON.stringify({ ...RECEIPT, admin: true }), /"admin": unknown key/],
    ['__proto__', JSON.stringify(RECEIPT).replace('{', '{"__proto__":{"polluted":true},'), /"__proto__": unknown key/],
    ['__proto__ as a category', JSON.stringify(RECEIPT).replace('"essential"', '"__proto__":true,"essential"'), /categories\.__proto__/],
    ['no consent id', JSON.stringify({ ...RECEIPT, id: null }), /id/],
    ['a GPC method', JSON.stringify({ ...RECEIPT, method: 'gpc' }), /method/],
    ['updated before given', JSON.stringify({ ...RECEIPT, updated: '2026-11-21T00:00:00.000Z' }), /updated/],
    ['a query string in the page', JSON.stringify({ ...RECEIPT, url: 'https://www.example.com/?email=a@b.test' }), /url/],
    ['a javascript: page', JSON.stringify({ ...RECEIPT, url: 'javascript:alert(1)' }), /url/],
    ['a bad hash', JSON.stringify({ ...RECEIPT, hash: 'zz' }), /hash/],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0x7d]), /not JSON/],
    ['an empty body', '', /not JSON/]
  ])('refuses %s with 400 naming the problem, storing nothing', async (_name, body, message) => {
    let store = memory()
    let response = await createReceiptHandler({ store })(post(body))
    expect(response.status).toBe(400)
    expect(await response.text()).toMatch(message)
    expect(store.saved).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  test('refuses a body over 16 kB with 413, with or without Content-Length', async () => {
    let store = memory()
    let handler = createReceiptHandler({ store })
    let big = JSON.stringify({ ...RECEIPT, url: 'https://x.test/' + 'a'.repeat(1 << 20) })
    expect((await handler(post(big))).status).toBe(413)
    let stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 64; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)))
        controller.close()
      }
    })
    let chunked = new Request('https://www.example.com/r', { method: 'POST', body: stream, duplex: 'half' } as RequestInit)
    expect((await handler(chunked)).status).toBe(413)
    expect(store.saved).toEqual([])
  })

  test('answers 405 to other methods and 415 to other content types', async () => {
    let handler = createReceiptHandler({ store: memory() })
    let get = await handler(new Request('https://www.example.com/r'))
    expect(get.status).toBe(405)
    expect(get.headers.get('allow')).toBe('POST')
    expect((await handler(post(null, {}, 'OPTIONS'))).status).toBe(405)
    expect((await handler(post(JSON.stringify(RECEIPT), { 'content-type': 'application/x-www-form-urlencoded' }))).status).toBe(415)
    expect((await handler(post(JSON.stringify(RECEIPT), { 'content-type': 'application/json' }))).status).toBe(204)
  })

  test('a failing store gives a bare 500, and the error goes to onError', async () => {
    let onError = vi.fn()
    let store = { save: () => Promise.reject(new Error('password=hunter2 at db.internal')) }
    let response = await createReceiptHandler({ store, onError })(post(JSON.stringify(RECEIPT)))
    expect(response.status).toBe(500)
    expect(await response.text()).not.toMatch(/hunter2|db\.internal/)
    expect(onError).toHaveBeenCalledOnce()
  })

  test('keeps the IP only when the site opts in', async () => {
    let run = async (trustIp: Parameters<typeof createReceiptHandler>[0]['trustIp'], headers: Record<string, string>, info?: { ip?: string }) => {
      let store = memory()
      await createReceiptHandler({ store, trustIp })(post(JSON.stringify(RECEIPT), { 'content-type': 'text/plain', ...headers }), info)
      return store.saved[0]![1].ip
    }
    expect(await run(undefined, { 'x-forwarded-for': '203.0.113.9' }, { ip: '10.0.0.1' })).toBeUndefined()
    expect(await run(true, {}, { ip: '10.0.0.1' })).toBe('10.0.0.1')
    // The last entry is the one the site's own proxy appended; the first is whatever the client said.
    expect(await run('x-forwarded-for', { 'x-forwarded-for': '1.2.3.4, 203.0.113.9' })).toBe('203.0.113.9')
    expect(await run('cf-connecting-ip', { 'cf-connecting-ip': '2001:db8::1' })).toBe('2001:db8::1')
    expect(await run('cf-connecting-ip', { 'cf-connecting-ip': '<script>' })).toBeUndefined()
    expect(await run(() => '198.51.100.7', {})).toBe('198.51.100.7')
  })

  test('needs a store', () => {
    expect(() => createReceiptHandler({} as never)).toThrow(/store/)
  })
})
