/**
 * `integrations`: the registry of every integration the script tag runs. Each one checks its own
 * section in its own module beside its code (src/integrations/<name>-config.ts), and all of them
 * run inside `resolveConfig`, before anything runs, so a bad section fails the whole config closed.
 * A new integration adds its key to `IntegrationsConfig` (src/core/types.ts) and one line here.
 */
import { checkClarity } from '../../integrations/clarity-config'
import { checkGoogleConsentMode } from '../../integrations/google-consent-mode-config'
import { checkMetaPixel } from '../../integrations/meta-pixel-config'
import { checkMicrosoftUet } from '../../integrations/microsoft-uet-config'
import { checkPosthog } from '../../integrations/posthog-config'
import type { Category, IntegrationsConfig } from '../types'
import { bool, fail, globs, int, link, localized, obj, oneOf, section, shape, str, target, type CheckContext, type Checker } from './check'

// Vendors that load a tag of their own (src/integrations/vendor-config.ts): they also add their
// cookies and storage keys to the erase lists of the category they name, so they get the categories.
const VENDORS = { clarity: checkClarity, metaPixel: checkMetaPixel, microsoftUet: checkMicrosoftUet }
type Vendor = keyof typeof VENDORS

const CHECKERS: { [K in Exclude<keyof IntegrationsConfig, Vendor>]-?: Checker<NonNullable<IntegrationsConfig[K]>> } = {
  posthog: checkPosthog,
  googleConsentMode: checkGoogleConsentMode
}

export function checkIntegrations(v: unknown, categories: Category[]): IntegrationsConfig {
  let integrations: Record<string, unknown> = {}
  let raw = section(v, 'integrations', [...Object.keys(CHECKERS), ...Object.keys(VENDORS)])
  // Integrations name a category, or a service of one (`categories.<name>.services.<service>`).
  let ctx: CheckContext = {
    fail, str, bool, int, oneOf, obj, section, shape, globs, localized, link, target,
    categories: categories.map((c) => c.name),
    services: categories.flatMap((c) => c.services.map((s) => s.name))
  }
  let key: keyof typeof CHECKERS
  if (raw) for (key in CHECKERS) integrations[key] = CHECKERS[key](raw[key], 'integrations.' + key, ctx)
  let vendor: Vendor
  if (raw) for (vendor in VENDORS) integrations[vendor] = VENDORS[vendor](raw[vendor], 'integrations.' + vendor, { fail, categories })
  return integrations as IntegrationsConfig
}
