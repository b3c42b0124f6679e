/** `integrations.clarity`: `{ projectId, category? = "analytics" }` (a category or service name). */
import { checkVendor, type CheckContext, type VendorSpec } from './vendor-config'
import type { ClarityConfig } from '../core/types'

/**
 * First-party cookies that Clarity's tag writes (`_clck` user, `_clsk` session); `CLID`,
 * `ANONCHK`, `MR`, `MUID` and `SM` are Microsoft's, mostly set on clarity.ms and bing.com, and
 * deleted here too wherever the page can reach them.
 * https://learn.microsoft.com/en-us/clarity/setup-and-installation/cookie-list
 */
export const CLARITY: VendorSpec = {
  id: 'projectId',
  category: 'analytics',
  cookies: ['_clck', '_clsk', 'CLID', 'ANONCHK', 'MR', 'MUID', 'SM'],
  storage: []
}

export const checkClarity = (raw: unknown, path: string, ctx: CheckContext) =>
  checkVendor(raw, path, ctx, CLARITY) as Required<ClarityConfig> | undefined
