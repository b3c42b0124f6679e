/** `integrations.metaPixel`: `{ pixelId, category? = "marketing" }` (a category or service name). */
import { checkVendor, type CheckContext, type VendorSpec } from './vendor-config'
import type { MetaPixelConfig } from '../core/types'

/**
 * The pixel's first-party cookies: `_fbp` (browser id) and `_fbc` (the `fbclid` of an ad click).
 * https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/fbp-and-fbc
 */
export const META_PIXEL: VendorSpec = {
  id: 'pixelId',
  category: 'marketing',
  cookies: ['_fbp', '_fbc'],
  storage: []
}

export const checkMetaPixel = (raw: unknown, path: string, ctx: CheckContext) =>
  checkVendor(raw, path, ctx, META_PIXEL) as Required<MetaPixelConfig> | undefined
