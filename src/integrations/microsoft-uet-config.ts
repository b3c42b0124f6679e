/** `integrations.microsoftUet`: `{ tagId, category? = "marketing" }` (a category or service name). */
import { checkVendor, type CheckContext, type VendorSpec } from './vendor-config'
import type { MicrosoftUetConfig } from '../core/types'

/**
 * UET keeps `_uetsid` (session), `_uetvid` (visitor) and `_uetmsclkid` (ad click) as cookies,
 * and copies of them with `*_exp` expiry keys (`_uetsid_exp` …) in localStorage: `_uet*` covers
 * them all. `MUID` is Microsoft's (bing.com), deleted wherever the page can reach it.
 */
export const MICROSOFT_UET: VendorSpec = {
  id: 'tagId',
  category: 'marketing',
  cookies: ['_uet*', 'MUID'],
  storage: ['_uet*']
}

export const checkMicrosoftUet = (raw: unknown, path: string, ctx: CheckContext) =>
  checkVendor(raw, path, ctx, MICROSOFT_UET) as Required<MicrosoftUetConfig> | undefined
