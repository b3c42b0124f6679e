/** `cookiegate`: the core plus the Preact UI, which is loaded only when it has something to show. */
import { createConsent } from './core/consent'
import { lazyMount } from './core/lazy-mount'
import { sendChoice } from './core/receipts'
import type { Config, Cookiegate, DefaultCategory } from './core/types'

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
 * @throws CookiegateError where there is no DOM (server rendering): call it in the browser.
 */
export function createCookiegate<Category extends string = DefaultCategory, Service extends string = never>(
  config?: Config<Category, Service>
): Cookiegate<Category, Service> {
  return createConsent(config, {
    mount: lazyMount(
      () => import('./ui/index'),
      () => import('./ui/preferences')
    ),
    placeholder: (cg, embed) => void import('./embeds/placeholder').then((m) => m.placeholder(cg, embed)),
    receipt: sendChoice
  })
}
