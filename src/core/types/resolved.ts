/** The config after validation, every default filled in. */
import type { CookieConfig, CookieRow, Jurisdiction, Localized, Position, ReceiptsConfig, Texts } from './config'
import type { IntegrationsConfig } from './integrations'

/** A category after validation, with every default filled in. */
export interface Category {
  name: string
  required: boolean
  /** As configured; the UI falls back to its built-in text for `essential`/`analytics`, else the name. */
  label: Localized | undefined
  description: Localized | undefined
  cookies: string[]
  storage: string[]
  services: Service[]
  cookieTable: CookieRow[]
}

/** A service after validation. */
export interface Service {
  name: string
  /** The category it belongs to. */
  category: string
  label: Localized | undefined
  description: Localized | undefined
  cookies: string[]
  storage: string[]
  cookieTable: CookieRow[]
}

/** Config after validation, with every default filled in. */
export interface ResolvedConfig {
  policyUrl: string | null
  categories: Category[]
  revision: number
  expiresDays: number
  cookie: Required<Omit<CookieConfig, 'domain'>> & { domain: string | undefined }
  gpc: boolean
  reloadOnWithdraw: boolean
  ui: boolean
  /** The flat texts the config overrides, for any language; the UI fills in the rest. */
  texts: Partial<Texts>
  integrations: IntegrationsConfig
  receipts: ReceiptsConfig | null
  /** Per-language text overrides, keyed by lower-case language code. */
  translations: Record<string, Partial<Texts>>
  /** `"auto"` or a lower-case language code. */
  language: string
  layout: 'bar' | 'box'
  position: Position
  theme: 'light' | 'dark' | 'auto'
  shadow: boolean
  /** Upper-case region codes → model, `null` when not configured. */
  jurisdictions: Record<string, Jurisdiction> | null
  /** Upper-case region code, `null` when unknown. */
  region: string | null
  /** The model in force for this visitor: `region`'s most specific entry in `jurisdictions`, else `"opt-in"`. */
  jurisdiction: Jurisdiction
}
