import { ISO, UUID } from '../core/parse'
import type { Receipt } from '../core/receipts'
import { header } from './region'

export type { Receipt }

/** What the handler knows about a receipt besides its body. */
export interface ReceiptMeta {
  receivedAt: Date
  /** The sender's IP address, only when the site opted in (`trustIp`). */
  ip?: string
}

/** Where receipts go: `cookiegate/server/postgres`, or anything with a `save`. */
export interface ReceiptStore {
  save(receipt: Receipt, meta: ReceiptMeta): unknown
}

/** What a platform adapter knows about the connection (`toNodeListener` passes the socket's address). */
export interface ConnectionInfo {
  ip?: string | null
}

export interface ReceiptHandlerOptions {
  store: ReceiptStore
  /**
   * Keep the sender's IP address with each receipt (off by default: a receipt proves consent
   * without it). `true`: the address the platform adapter passes (`toNodeListener`, or
   * `handler(request, { ip })`). A header name (`"cf-connecting-ip"`, `"x-real-ip"`,
   * `"x-forwarded-for"`, whose last entry is the one your own proxy added): only behind a proxy
   * that sets it, or a visitor can write any address there. A function: your own lookup.
   */
  trustIp?: boolean | string | ((request: Request, info?: ConnectionInfo) => string | null | undefined)
  /** Hears of store failures (the response is a bare 500); default `console.error`. */
  onError?: (error: unknown) => void
}

/** A receipt is well under 2 kB; this leaves room for many categories and services. */
export const MAX_RECEIPT_BYTES = 16384
const KEYS = ['v', 'id', 'categories', 'services', 'method', 'model', 'revision', 'given', 'updated', 'url', 'hash', 'version']
const NAME = /^[a-z][a-z0-9_-]{0,39}$/i
const METHODS = ['accept-all', 'reject-all', 'custom']
const VERSION = /^\d{1,4}\.\d{1,4}\.\d{1,4}(-[0-9a-z.-]{1,40})?$/i
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/
const IPV6 = /^(?=.*:)[0-9a-f:.]{2,45}$/i

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)

/** The problems of a parsed body as a receipt (the format `cookiegate` sends, README "Proof of consent"); empty when it is one. */
export function receiptProblems(data: unknown): string[] {
  if (!isObject(data)) return ['expected a JSON object']
  let problems = Object.keys(data)
    .filter((key) => !KEYS.includes(key))
    .map((key) => `${JSON.stringify(key)}: unknown key`)
  let check = (ok: boolean, key: string, message: string) => ok || problems.push(`${key}: ${message}`)
  let answers = (key: string) => {
    let value = data[key]
    if (!isObject(value)) return check(false, key, 'expected an object of true/false by name')
    let entries = Object.entries(value)
    check(entries.length <= 200, key, 'more than 200 names')
    for (let [name, on] of entries) {
      check(NAME.test(name), `${key}.${name}`, 'not a category or service name')
      check(typeof on === 'boolean', `${key}.${name}`, 'expected true or false')
    }
  }
  check(data.v === 1, 'v', 'expected 1')
  check(typeof data.id === 'string' && UUID.test(data.id), 'id', 'expected a consent id (UUID)')
  answers('categories')
  answers('services')
  check(METHODS.includes(data.method as string), 'method', `expected ${METHODS.map((m) => `"${m}"`).join(', ')}`)
  // The consent model the choice was made under (README "Jurisdictions"); older receipts have none.
  check(data.model === undefined || data.model === 'opt-in' || data.model === 'opt-out', 'model', 'expected "opt-in" or "opt-out"')
  check(Number.isInteger(data.revision) && (data.revision as number) >= 0 && (data.revision as number) <= 1e9, 'revision', 'expected a whole number from 0 to 1000000000')
  let time = (key: string) => (typeof data[key] === 'string' && ISO.test(data[key] as string) ? Date.parse(data[key] as string) : NaN)
  check(!Number.isNaN(time('given')), 'given', 'expected an ISO 8601 UTC time')
  check(!Number.isNaN(time('updated')) && !(time('updated') < time('given')), 'updated', 'expected an ISO 8601 UTC time, not before "given"')
  let url: URL | null = null
  try {
    url = typeof data.url === 'string' && data.url.length <= 2048 ? new URL(data.url) : null
  } catch {}
  // The browser sends the page without query or fragment: they may hold personal data.
  check(!!url && /^https?:$/.test(url.protocol) && !url.search && !url.hash && !url.username && !url.password, 'url', 'expected the http(s) page, without query or fragment')
  check(typeof data.hash === 'string' && /^[0-9a-f]{8}$/.test(data.hash), 'hash', 'expected 8 hex digits')
  check(typeof data.version === 'string' && VERSION.test(data.version), 'version', 'expected a version number')
  return problems
}

const text = (status: number, body = '', headers: Record<string, string> = {}) =>
  new Response(body || null, { status, headers: body ? { 'content-type': 'text/plain; charset=utf-8', ...headers } : headers })

/** The body as text, or null when it is longer than `limit` bytes; throws on invalid UTF-8. */
async function readLimited(request: Request, limit: number): Promise<string | null> {
  let reader = request.body?.getReader()
  if (!reader) return ''
  let chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    let { done, value } = await reader.read()
    if (done || !value) break
    size += value.byteLength
    if (size > limit) {
      reader.cancel().catch(() => {})
      return null
    }
    chunks.push(value)
  }
  let all = new Uint8Array(size)
  let at = 0
  for (let chunk of chunks) {
    all.set(chunk, at)
    at += chunk.byteLength
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(all)
}

function ipOf(request: Request, info: ConnectionInfo | undefined, trust: ReceiptHandlerOptions['trustIp']): string | undefined {
  let ip: string | null | undefined
  if (trust === true) ip = info?.ip
  else if (typeof trust === 'function') ip = trust(request, info)
  else if (typeof trust === 'string' && trust) ip = header(request.headers, trust.toLowerCase())?.split(',').pop()
  ip = typeof ip === 'string' ? ip.trim() : ''
  return IPV4.test(ip) || IPV6.test(ip) ? ip : undefined
}

/**
 * Receives the proof-of-consent receipts the browser sends to `receipts.url` (a `text/plain` JSON
 * body from `sendBeacon` or `fetch(…, { keepalive: true })`: no CORS preflight is involved):
 * 204 once stored, 400 for a body that is not a receipt (the text names the problem), 413 over
 * 16 kB, 415 for another content type, 405 for another method, 500 when the store fails.
 * Never throws.
 *
 * ```js
 * const handler = createReceiptHandler({ store: createPostgresStore({ pool }) })
 * export default { fetch: (request) => handler(request) } // a Worker, Deno, Bun
 * ```
 */
export function createReceiptHandler(options: ReceiptHandlerOptions): (request: Request, info?: ConnectionInfo) => Promise<Response> {
  let { store, trustIp, onError = (error) => console.error('Cookiegate: could not store a receipt', error) } = options
  if (!store || typeof store.save !== 'function') throw new TypeError('createReceiptHandler: `store` must have a save(receipt, meta) method')
  return async (request, info) => {
    try {
      if (request.method !== 'POST') return text(405, 'Receipts are sent with POST', { allow: 'POST' })
      let type = (request.headers.get('content-type') || 'text/plain').split(';')[0]!.trim().toLowerCase()
      if (type !== 'text/plain' && type !== 'application/json') return text(415, 'Expected a text/plain or application/json body')
      let length = Number(request.headers.get('content-length'))
      if (length > MAX_RECEIPT_BYTES) return text(413, 'Receipt too large')
      let body: string | null
      let data: unknown
      try {
        body = await readLimited(request, MAX_RECEIPT_BYTES)
        if (body === null) return text(413, 'Receipt too large')
        data = JSON.parse(body)
      } catch {
        return text(400, 'Bad receipt: not JSON')
      }
      let problems = receiptProblems(data)
      if (problems.length) return text(400, 'Bad receipt: ' + problems.slice(0, 5).join('; '))
      let meta: ReceiptMeta = { receivedAt: new Date() }
      let ip = ipOf(request, info, trustIp)
      if (ip) meta.ip = ip
      try {
        await store.save(data as unknown as Receipt, meta)
      } catch (error) {
        try {
          onError(error)
        } catch {}
        return text(500, 'Could not store the receipt')
      }
      return text(204)
    } catch {
      return text(400, 'Bad request')
    }
  }
}
