import type { ReadableAtom } from 'nanostores'

/** How a choice was made. `"gpc"` is the automatic refusal for Global Privacy Control; it is never stored. */
export type ConsentMethod = 'accept-all' | 'reject-all' | 'custom' | 'gpc'

/**
 * The visitor's consent, as held in `instance.consent` and passed to `onChange` listeners
 * and the `cookiegate:change` event.
 *
 * ```js
 * cg.consent.get().categories.analytics // false until the visitor says yes
 * ```
 */
export interface ConsentState {
  /** True once a choice is stored (or refused for Global Privacy Control). */
  decided: boolean
  /** Every configured category: required ones are always `true`, optional ones `false` until allowed. */
  categories: Record<string, boolean>
  /** The config `revision` this choice was made under. */
  revision: number
  /** Random consent id (a UUID), to match proof of consent. `null` while undecided or under GPC. */
  id: string | null
  /** When the visitor first chose (ISO 8601), `null` while undecided. */
  given: string | null
  /** When the visitor last changed the choice (ISO 8601), `null` while undecided. */
  updated: string | null
  /** How the choice was made, `null` while undecided. */
  method: ConsentMethod | null
}

/** One category of cookies, e.g. `analytics`. */
export interface CategoryConfig {
  /**
   * Always on: shown as a disabled switch, never refused.
   * @default false
   */
  required?: boolean
  /** Name shown in the preferences. Defaults to the built-in text for `essential`/`analytics`, else the key. */
  label?: string
  /** One or two sentences shown under the label. */
  description?: string
  /**
   * Cookie names (`*` globs) deleted on the current host and every parent domain when this
   * category is withdrawn. `analytics` defaults to PostHog's and Google Analytics' names.
   */
  cookies?: string[]
  /** `localStorage` / `sessionStorage` keys (`*` globs) deleted when this category is withdrawn. */
  storage?: string[]
}

/** Where and how the choice is stored. */
export interface CookieConfig {
  /** @default "cookiegate" */
  name?: string
  /** Cookie domain, e.g. `"example.com"` to share the choice with subdomains. @default the current host only */
  domain?: string
  /** @default "/" */
  path?: string
  /** @default "Lax" */
  sameSite?: 'Lax' | 'Strict' | 'None'
}

/** Every text the UI shows. All of them can be overridden through `config.texts`. */
export interface Texts {
  bannerTitle: string
  bannerText: string
  acceptAll: string
  rejectAll: string
  customise: string
  save: string
  preferencesTitle: string
  preferencesText: string
  policyLink: string
  close: string
  alwaysOn: string
  /** Embed placeholder text; `{host}`, `{category}` and `{title}` are filled in. */
  embedText?: string
  /** Embed placeholder button that loads this embed only, storing nothing. */
  loadOnce?: string
  /** Embed placeholder button that stores consent to the category (`{category}`). */
  alwaysAllow?: string
}

/**
 * Configuration for `createCookiegate(config)` and the `#cookiegate-config` JSON element.
 * Unknown keys are errors, so a typo can never quietly weaken protection.
 *
 * ```js
 * createCookiegate({ policyUrl: '/privacy', categories: { essential: { required: true }, analytics: {} } })
 * ```
 */
export interface Config {
  /** Link to the privacy policy, shown in the banner: http(s) or a relative URL. */
  policyUrl?: string
  /**
   * The categories, in the order shown.
   * @default { essential: { required: true }, analytics: {} }
   */
  categories?: Record<string, CategoryConfig>
  /**
   * Bump it when the cookie policy changes: every stored choice made under another revision is asked again.
   * @default 0
   */
  revision?: number
  /**
   * Days a stored choice lasts before the visitor is asked again.
   * @default 182
   */
  expiresDays?: number
  /** The stored-choice cookie. */
  cookie?: CookieConfig
  /**
   * Honour `navigator.globalPrivacyControl`: with no stored choice, optional categories are refused without a banner.
   * @default true
   */
  gpc?: boolean
  /**
   * Reload the page when a category whose scripts already ran on it is withdrawn (a running script cannot be unloaded).
   * @default false
   */
  reloadOnWithdraw?: boolean
  /**
   * Mount the banner and preferences. `false` gives a headless instance: build your own UI on `consent` and `view`.
   * @default true
   */
  ui?: boolean
  /** Replace any UI text. */
  texts?: Partial<Texts>
  /**
   * Vendor integrations driven by the script tag (`dist/cookiegate.js`). With the npm package,
   * import them from `cookiegate/integrations/*` instead; `createCookiegate` ignores this key.
   */
  integrations?: IntegrationsConfig
  /** Proof of consent: a JSON receipt is sent to `url` on every stored choice. */
  receipts?: ReceiptsConfig
}

/** Where proof-of-consent receipts go. */
export interface ReceiptsConfig {
  /** An http(s) or relative URL that accepts a POSTed JSON receipt. */
  url: string
}

/**
 * PostHog loaded by the script tag: `<apiHost>/static/array.js` is fetched only once the
 * category (or the service) is allowed.
 *
 * ```json
 * { "token": "phc_…", "apiHost": "https://eu.i.posthog.com", "options": { "person_profiles": "identified_only" } }
 * ```
 */
export interface PostHogConfig {
  /** The project API key. */
  token: string
  /** PostHog host (`https://eu.i.posthog.com`) or your reverse proxy. */
  apiHost: string
  /** @default "analytics" */
  category?: string
  /** A service of that category, once services are configured. */
  service?: string
  /**
   * Passed to `posthog.init`. Cookiegate always sets `api_host`, `opt_out_capturing_by_default`
   * and `opt_out_persistence_by_default` itself.
   */
  options?: Record<string, unknown>
}

/** Google Consent Mode v2 consent types. */
export type GoogleConsentType =
  | 'ad_storage'
  | 'analytics_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage'

/**
 * Google Consent Mode v2: each consent type names the category (or service) that grants it.
 * `ad_storage`, `ad_user_data` and `ad_personalization` default to `"marketing"`,
 * `analytics_storage` to `"analytics"`; the optional types are only sent when mapped.
 */
export type GoogleConsentModeConfig = Partial<Record<GoogleConsentType, string>> & {
  /** Milliseconds Google tags wait for the update after the default. @default 500 */
  wait_for_update?: number
}

/** The integrations the script tag can run. */
export interface IntegrationsConfig {
  posthog?: PostHogConfig
  googleConsentMode?: GoogleConsentModeConfig
}

/** A category after validation, with every default filled in. */
export interface Category {
  name: string
  required: boolean
  /** As configured; the UI falls back to its built-in text for `essential`/`analytics`, else the name. */
  label: string | undefined
  description: string | undefined
  cookies: string[]
  storage: string[]
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
  /** The texts the config overrides; the UI fills in the rest. */
  texts: Partial<Texts>
  integrations: IntegrationsConfig
  receipts: ReceiptsConfig | null
}

/** What the UI shows: nothing, the first-layer banner, or the preferences modal. */
export type View = 'none' | 'banner' | 'preferences'

/** A Cookiegate instance, as returned by `createCookiegate` and exposed as `window.Cookiegate`. */
export interface Cookiegate {
  /** Nanostores store of the consent state. */
  readonly consent: ReadableAtom<ConsentState>
  /** Nanostores store of what the UI shows. */
  readonly view: ReadableAtom<View>
  /** The validated config. */
  readonly config: ResolvedConfig
  /** True only when that category is allowed now. */
  allowed(category: string): boolean
  /** Allow every category and store the choice. */
  acceptAll(): void
  /** Refuse every optional category and store the choice. */
  rejectAll(): void
  /** Store a choice; categories left out are refused. `cg.save({ analytics: true })` */
  save(choice: Record<string, boolean>): void
  /** Show the preferences modal. */
  open(): void
  /** Hide the preferences modal (the banner comes back while undecided). */
  close(): void
  /** Called with the state on every change; returns an unsubscribe function. */
  onChange(listener: (state: ConsentState) => void): () => void
  /** Resolves once the category is allowed (at once if it already is). */
  whenAllowed(category: string): Promise<void>
  /** Forget the stored choice and ask again. */
  reset(): void
  /** Unmount the UI and remove every listener and observer. */
  destroy(): void
}
