/**
 * `cookiegate/server`: consent, region and receipts on the server (Node ≥ 20, Deno, Bun, edge
 * runtimes). Web-standard APIs only: no DOM, no `node:` modules, no dependencies.
 */
export { CookiegateConfigError } from '../core/config'
export { cookieValue, readConsent } from './consent'
export { preloadLinks, preloadUrls } from './preload'
export type { PreloadOptions } from './preload'
export { createReceiptHandler, MAX_RECEIPT_BYTES, receiptProblems } from './receipts'
export type { Receipt, ReceiptHandlerOptions, ReceiptMeta, ReceiptStore, ConnectionInfo } from './receipts'
export { regionFromHeaders, REGION_PROVIDERS } from './region'
export type { HeadersLike, RegionProvider } from './region'
export { toNodeListener } from './node'
export type { Config, ConsentState } from '../core/types'
