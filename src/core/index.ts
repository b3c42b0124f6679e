/** `cookiegate/core`: the headless core, without Preact. */
export { createConsent } from './consent'
export type { MountUI, ShowPlaceholder } from './consent'
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
  ResolvedConfig,
  Texts,
  View
} from './types'
