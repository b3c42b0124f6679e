import type { ConnectionInfo } from './receipts'

/** The parts of Node's `IncomingMessage` and `ServerResponse` the adapter uses (no `node:` import here). */
interface NodeRequest extends AsyncIterable<Uint8Array | string> {
  method?: string
  url?: string
  headers: Record<string, string | string[] | undefined>
  socket?: { remoteAddress?: string; encrypted?: boolean }
  /** True once the whole body was read. */
  complete?: boolean
}
interface NodeResponse {
  headersSent?: boolean
  writeHead(status: number, headers: Record<string, string>): unknown
  end(body?: Uint8Array): unknown
}

const DRAIN_BYTES = 4 << 20

/**
 * A Node `http` / Express listener around a fetch-style handler such as `createReceiptHandler`:
 * `app.post('/consent-receipts', toNodeListener(handler))`. The handler's second argument gets
 * the socket's address (used when `trustIp: true`). Never throws.
 */
export function toNodeListener(handler: (request: Request, info?: ConnectionInfo) => Promise<Response>) {
  return async (req: NodeRequest, res: NodeResponse): Promise<void> => {
    try {
      let headers = new Headers()
      for (let [name, value] of Object.entries(req.headers)) {
        if (name[0] === ':' || value === undefined) continue
        for (let v of Array.isArray(value) ? value : [value]) headers.append(name, v)
      }
      let method = (req.method || 'GET').toUpperCase()
      let iterator = req[Symbol.asyncIterator]()
      let body =
        method === 'GET' || method === 'HEAD'
          ? null
          : new ReadableStream<Uint8Array>({
              async pull(controller) {
                let { done, value } = await iterator.next()
                if (done) controller.close()
                else controller.enqueue(typeof value === 'string' ? new TextEncoder().encode(value) : new Uint8Array(value))
              }
            })
      let scheme = req.socket?.encrypted ? 'https' : 'http'
      let request = new Request(`${scheme}://${headers.get('host') || 'localhost'}${req.url || '/'}`, {
        method,
        headers,
        body,
        ...(body ? { duplex: 'half' } : {})
      } as RequestInit)
      let response = await handler(request, { ip: req.socket?.remoteAddress })
      // Answered before the body was read (413): read the rest first, up to a bound, or Node
      // closes the connection under the client while it is still sending, and the client never
      // sees the answer.
      let left = DRAIN_BYTES
      if (body && !req.complete) {
        for (let next = await iterator.next(); !next.done && (left -= next.value.length) > 0; next = await iterator.next());
      }
      let out: Record<string, string> = {}
      response.headers.forEach((value, name) => (out[name] = value))
      res.writeHead(response.status, out)
      res.end(new Uint8Array(await response.arrayBuffer()))
    } catch {
      try {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
        res.end(new TextEncoder().encode('Internal error'))
      } catch {}
    }
  }
}
