/** `cookiegate/core`: the headless core, without Preact. */
import { createConsent as create, type Parts } from './consent'
import { sendChoice } from './receipts'
import type { Config, Cookiegate } from './types'

/**
 * The headless core (see ./consent): validates the config, reads the stored choice, gates tags.
 * Sends proof-of-consent receipts itself unless `parts.receipt` says otherwise.
 * @throws CookiegateConfigError listing every problem.
 */
export const createConsent = (config?: Config, parts: Parts = {}): Cookiegate =>
  create(config, { receipt: (resolved, state) => sendChoice(resolved, state), ...parts })
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
  Jurisdiction,
  ResolvedConfig,
  Texts,
  View
} from './types'
