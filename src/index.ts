/** `cookiegate`: the core plus the Preact UI, which is loaded only when it has something to show. */
import { createConsent } from './core/consent'
import { receipt } from './core/lazy'
import { lazyMount } from './core/lazy-mount'
import type { Config, Cookiegate } from './core/types'

export * from './core/index'

/**
 * Validates the config, reads the stored choice, gates tags and shows the banner and
 * preferences (unless `ui: false`). The UI is a separate chunk, imported on first need.
 *
 * ```js
 * import { createCookiegate } from 'cookiegate'
 * const cg = createCookiegate({ policyUrl: '/privacy' })
 * ```
 * @throws CookiegateConfigError listing every problem.
 */
export function createCookiegate(config?: Config): Cookiegate {
  return createConsent(config, {
    mount: lazyMount(
      () => import('./ui/index'),
      () => import('./ui/preferences')
    ),
    placeholder: (cg, embed) => void import('./core/embeds').then((m) => m.placeholder(cg, embed)),
    receipt
  })
}
