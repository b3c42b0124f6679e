/** `cookiegate/core`: the headless core, without Preact. */
import { createConsent as create, type Parts } from './consent'
import { sendChoice } from './receipts'
import type { Config, Cookiegate, DefaultCategory } from './types'

/**
 * The headless core (see ./consent): validates the config, reads the stored choice, gates tags.
 * Sends proof-of-consent receipts itself unless `parts.receipt` says otherwise.
 * @throws CookiegateConfigError listing every problem.
 * @throws CookiegateError where there is no DOM (server rendering): call it in the browser.
 */
export function createConsent<Category extends string = DefaultCategory, Service extends string = never>(
  config?: Config<Category, Service>,
  parts: Parts = {}
): Cookiegate<Category, Service> {
  return create(config, { receipt: (resolved, state) => sendChoice(resolved, state), ...parts })
}
export type { MountUI, Parts, ShowPlaceholder } from './consent'
export { CookiegateConfigError, resolveConfig } from './config'
export { CookiegateError } from './error'
export type {
  Category,
  CategoryConfig,
  Config,
  ConsentMethod,
  ConsentState,
  CookieConfig,
  Cookiegate,
  DefaultCategory,
  Jurisdiction,
  ResolvedConfig,
  Texts,
  View
} from './types'
