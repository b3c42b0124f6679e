/** `cookiegate`: the core plus the Preact UI. */
import { createConsent } from './core/consent'
import type { Config, Cookiegate } from './core/types'
import { mountUI } from './ui/index'

export * from './core/index'
export { mountUI }

/**
 * Validates the config, reads the stored choice, gates tags and mounts the banner and
 * preferences (unless `ui: false`).
 *
 * ```js
 * import { createCookiegate } from 'cookiegate'
 * const cg = createCookiegate({ policyUrl: '/privacy' })
 * ```
 * @throws CookiegateConfigError listing every problem.
 */
export function createCookiegate(config?: Config): Cookiegate {
  return createConsent(config, (cg) => (cg.config.ui ? mountUI(cg) : () => {}))
}
