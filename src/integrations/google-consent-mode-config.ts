/** `integrations.googleConsentMode`: each consent type names the category or service that grants it. */
import type { Checker } from '../core/config/check'
import { GCM_TYPES } from '../core/defaults'
import type { GoogleConsentModeConfig } from '../core/types'

export const checkGoogleConsentMode: Checker<GoogleConsentModeConfig> = (raw, path, ctx) => {
  let gcm = ctx.section(raw, path, [...GCM_TYPES, 'wait_for_update'])
  if (!gcm) return
  let mapped: GoogleConsentModeConfig = { wait_for_update: ctx.int(gcm.wait_for_update, path + '.wait_for_update', 500, 0, 10000) }
  for (let type of GCM_TYPES) {
    let name = ctx.target(gcm[type], `${path}.${type}`, [...ctx.categories, ...ctx.services], 'category or service')
    if (name) mapped[type] = name
  }
  return mapped
}
