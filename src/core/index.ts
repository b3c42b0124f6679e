/** `cookiegate/core`: the headless core, without Preact. */
import { createConsent as compose, type Parts } from './consent'
import { sendChoice } from './receipts'
import type { Config, Cookiegate } from './types'

export type { MountUI, Parts, ShowPlaceholder } from './consent'
export { CookiegateConfigError, resolveConfig } from './config'
export type {
  Category,
  CategoryConfig,
  Config,
  ConsentMethod,
  ConsentState,
  CookieConfig,
  Cookiegate,
  ResolvedConfig,
  Texts,
  View
} from './types'

/**
 * The headless core (see ./consent), with proof-of-consent receipts sent by the bundled sender
 * unless `parts.receipt` says otherwise.
 *
 * ```js
 * const cg = createConsent({ categories: { essential: { required: true }, analytics: {} } })
 * cg.whenAllowed('analytics').then(loadAnalytics)
 * ```
 * @throws CookiegateConfigError listing every problem.
 */
export const createConsent = (config?: Config, parts: Parts = {}): Cookiegate => compose(config, { receipt: sendChoice, ...parts })
