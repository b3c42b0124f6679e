/** `receipts`: where proof-of-consent receipts are POSTed, `null` when not configured. */
import type { ReceiptsConfig } from '../types'
import { link, section } from './check'

export function checkReceipts(v: unknown): ReceiptsConfig | null {
  let raw = section(v, 'receipts', ['url'])
  return raw ? { url: link(raw.url, 'receipts.url', true) || '' } : null
}
