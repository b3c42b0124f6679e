/**
 * Proof of consent (GDPR Art. 7(1): the controller must be able to demonstrate consent): a JSON
 * receipt for every stored choice, sent to the site's own endpoint. It carries no IP address and
 * no user agent; the receiving server sees those anyway if it wants them.
 */
import type { ConsentState, Jurisdiction, ResolvedConfig } from './types'

/** What Cookiegate sends to `receipts.url`. */
export interface Receipt {
  /** Schema version. */
  v: 1
  /** The consent id, the same as in the `cookiegate` cookie. */
  id: string | null
  categories: Record<string, boolean>
  /** Per-service answers, once services are configured. */
  services: Record<string, boolean>
  method: ConsentState['method']
  /** The consent model the choice was made under: `"opt-out"` in an opt-out region, else `"opt-in"`. */
  model: Jurisdiction
  revision: number
  given: string | null
  updated: string | null
  /** The page, without query string or fragment (they may hold personal data). */
  url: string
  /** FNV-1a of the texts, categories, policy link, revision and library version that were shown. */
  hash: string
  version: string
}

/** FNV-1a (32 bit) as 8 hex digits: matches which wording was shown; it is not a security hash. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return (hash >>> 0).toString(16).padStart(8, '0')
}

/** `page` is read when the choice is made, as the receipt may be sent a moment later. */
export function createReceipt(config: ResolvedConfig, state: ConsentState, page = location.origin + location.pathname): Receipt {
  let { texts, categories, policyUrl, revision } = config
  return {
    v: 1,
    id: state.id,
    categories: state.categories,
    services: (state as { services?: Record<string, boolean> }).services || {},
    method: state.method,
    model: config.jurisdiction,
    revision: state.revision,
    given: state.given,
    updated: state.updated,
    url: page,
    hash: fnv1a(JSON.stringify([texts, categories.map((c) => [c.name, c.required, c.label, c.description]), policyUrl, revision, __VERSION__])),
    version: __VERSION__
  }
}

/** `sendBeacon` survives the page being closed right after the click; else `fetch` with `keepalive`. Never throws. */
export function sendReceipt(url: string, receipt: Receipt): void {
  try {
    // A string body goes as text/plain, which needs no CORS preflight for a receiver on another origin.
    let body = JSON.stringify(receipt)
    if (navigator.sendBeacon?.(url, body)) return
    fetch(url, { method: 'POST', body, keepalive: true, credentials: 'omit' }).catch(() => {})
  } catch {}
}

/** The receipt for a choice just stored, sent to `receipts.url`. */
export function sendChoice(config: ResolvedConfig, state: ConsentState, page?: string): void {
  sendReceipt(config.receipts!.url, createReceipt(config, state, page))
}
