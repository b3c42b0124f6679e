import type { ReadableAtom } from 'nanostores'

/**
 * How a choice was made. `"gpc"` is the automatic refusal for Global Privacy Control and
 * `"opt-out"` the default of an opt-out region before any choice; neither is stored.
 */
export type ConsentMethod = 'accept-all' | 'reject-all' | 'custom' | 'gpc' | 'opt-out'

/**
 * The visitor's consent, as held in `instance.consent` and passed to `onChange` listeners
 * and the `cookiegate:change` event. `Category` and `Service` are the configured names
 * (any string when the config is not written out as a literal).
 *
 * ```js
 * cg.consent.get().categories.analytics // false until the visitor says yes
 * ```
 */
export interface ConsentState<Category extends string = string, Service extends string = string> {
  /** True once a choice is stored (or refused for Global Privacy Control). */
  decided: boolean
  /** Every configured category: required ones are always `true`, optional ones `false` until allowed. */
  categories: Record<Category, boolean>
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
  /**
   * Every configured service (`categories.<name>.services`), `{}` when there are none. A category
   * with services is allowed when at least one of its services is.
   */
  services: Record<Service, boolean>
}

/**
 * A text for every visitor, or one per language (keys are language codes such as `"de"` or
 * `"pt-br"`; the visitor's language, then its base language, then `en`, then the first one wins).
 *
 * ```js
 * label: { en: 'Analytics', de: 'Statistik' }
 * ```
 */
export type Localized = string | Record<string, string>

/** One row of a cookie table in the preferences. */
export interface CookieRow {
  /** Cookie name as the visitor sees it, e.g. `"_ga"` or `"ph_*_posthog"`. */
  name: string
  /** Who sets it, e.g. `"PostHog"`. */
  provider?: string
  purpose?: Localized
  /** How long it lasts, e.g. `"1 year"`. */
  duration?: Localized
}

/**
 * One service of a category (e.g. PostHog in `analytics`), with its own switch in the
 * preferences. Service names are unique across categories and services.
 *
 * ```js
 * categories: { analytics: { services: { posthog: { label: 'PostHog', cookies: ['ph_*'] } } } }
 * ```
 */
export interface ServiceConfig {
  /** Name shown in the preferences. @default the key */
  label?: Localized
  description?: Localized
  /** Cookie names (`*` globs) deleted when this service is withdrawn. @default [] */
  cookies?: string[]
  /** `localStorage` / `sessionStorage` keys (`*` globs) deleted when this service is withdrawn. @default [] */
  storage?: string[]
  /** Cookies listed in the preferences. @default [] */
  cookieTable?: CookieRow[]
}

/** One category of cookies, e.g. `analytics`. `Service` names its services (see `Config`). */
export interface CategoryConfig<Service extends string = string> {
  /**
   * Always on: shown as a disabled switch, never refused.
   * @default false
   */
  required?: boolean
  /** Name shown in the preferences. Defaults to the built-in text for `essential`/`analytics`, else the key. */
  label?: Localized
  /** One or two sentences shown under the label. */
  description?: Localized
  /**
   * Cookie names (`*` globs) deleted on the current host and every parent domain when this
   * category is withdrawn. `analytics` defaults to PostHog's and Google Analytics' names.
   */
  cookies?: string[]
  /** `localStorage` / `sessionStorage` keys (`*` globs) deleted when this category is withdrawn. */
  storage?: string[]
  /**
   * Services of this category, each with its own switch; `allowed(name)` and `data-service`
   * take their names. @default {}
   */
  services?: { [Name in Service]?: ServiceConfig }
  /** Cookies of this category listed in the preferences. @default [] */
  cookieTable?: CookieRow[]
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
  /** Summary of a cookie table, followed by the number of cookies. */
  cookieTable: string
  cookieName: string
  cookieProvider: string
  cookiePurpose: string
  cookieDuration: string
  /** Preferences title in an opt-out region (`jurisdiction: "opt-out"`), e.g. "Your Privacy Choices". */
  optOutTitle: string
  /** Preferences text in an opt-out region: what is allowed until the visitor opts out, and how. */
  optOutText: string
  /** Reject all in an opt-out region's preferences, e.g. "Do not sell or share my personal information". */
  optOutReject: string
}

/** Banner corner or edge: `bar` takes `"bottom"` or `"top"`, `box` a corner. Left and right mirror in right-to-left languages. */
export type Position = 'bottom' | 'top' | 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left'

/**
 * Configuration for `createCookiegate(config)` and the `#cookiegate-config` JSON element.
 * Unknown keys are errors, so a typo can never quietly weaken protection.
 *
 * `Category` and `Service` are the names of the categories and services. Written as a literal in
 * the `createCookiegate` call, the config gives the instance those names, so `cg.allowed('analytcs')`
 * is a type error; a value typed as plain `Config` accepts any name.
 *
 * ```js
 * createCookiegate({ policyUrl: '/privacy', categories: { essential: { required: true }, analytics: {} } })
 * ```
 */
export interface Config<Category extends string = string, Service extends string = string> {
  /** Link to the privacy policy, shown in the banner: http(s) or a relative URL. */
  policyUrl?: string
  /**
   * The categories, in the order shown.
   * @default { essential: { required: true }, analytics: {} }
   */
  categories?: Record<Category, CategoryConfig<Service>>
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
  /**
   * Vendor integrations driven by the script tag (`dist/cookiegate.js`). With the npm package,
   * import them from `cookiegate/integrations/*` instead; `createCookiegate` ignores this key.
   */
  integrations?: IntegrationsConfig
  /** Proof of consent: a JSON receipt is sent to `url` on every stored choice. */
  receipts?: ReceiptsConfig
  /**
   * Replace any UI text: flat keys apply to whatever language is shown, language keys to that
   * language only (and win over flat keys). A language key that is not bundled adds a language.
   *
   * ```js
   * texts: { acceptAll: 'OK', de: { acceptAll: 'Einverstanden' } }
   * ```
   */
  texts?: Partial<Texts> & { [language: string]: string | Partial<Texts> | undefined }
  /**
   * UI language: `"auto"` picks from `<html lang>`, then `navigator.languages`, then English;
   * or a language code such as `"de"` (bundled, or given in `texts`).
   * @default "auto"
   */
  language?: string
  /**
   * `"bar"`: full width at the bottom or top; `"box"`: a card in a corner.
   * @default "bar"
   */
  layout?: 'bar' | 'box'
  /** @default "bottom" for a bar, "bottom-right" for a box */
  position?: Position
  /**
   * `"auto"` follows the visitor's `prefers-color-scheme`.
   * @default "auto"
   */
  theme?: 'light' | 'dark' | 'auto'
  /**
   * Render inside a shadow root, so the page's CSS cannot break the UI. `false` renders in the
   * light DOM, styled through `.cg-` classes, for sites that want full control.
   * @default true
   */
  shadow?: boolean
  /**
   * The visitor's region as the site's server knows it (ISO 3166-1 alpha-2 or ISO 3166-2, e.g.
   * `"DE"`, `"US-CA"`); missing or `null` means unknown. Needs `jurisdictions`.
   * @default null
   */
  region?: string | null
  /**
   * Region code → consent model. The most specific code wins (`"US-CA"` over `"US"`); a region
   * not listed, or unknown, is `"opt-in"`.
   *
   * ```js
   * { region: 'US-CA', jurisdictions: { US: 'opt-out', 'US-CA': 'opt-out' } }
   * ```
   */
  jurisdictions?: Record<string, Jurisdiction>
}

/**
 * `"opt-in"` (GDPR style): nothing optional before the visitor says yes. `"opt-out"` (US state
 * laws): optional categories are allowed, without a banner, until the visitor refuses them.
 */
export type Jurisdiction = 'opt-in' | 'opt-out'

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

/**
 * Microsoft Clarity loaded by the script tag from `https://www.clarity.ms/tag/<projectId>` once
 * its category (or service) is allowed, told `consentv2` on every change.
 */
export interface ClarityConfig {
  /** The project id, as in `clarity.ms/tag/<projectId>`. */
  projectId: string
  /** The category, or a service of one, that allows Clarity. @default "analytics" */
  category?: string
}

/** The Meta Pixel (`fbevents.js`) loaded by the script tag once its category (or service) is allowed. */
export interface MetaPixelConfig {
  /** The numeric pixel id, as a string (a 16-digit JSON number loses digits). */
  pixelId: string
  /** The category, or a service of one, that allows the pixel. @default "marketing" */
  category?: string
}

/**
 * Microsoft Advertising UET (`bat.js`) loaded by the script tag once its category (or service) is
 * allowed; UET consent mode's `ad_storage: "denied"` default is queued as the script tag runs.
 */
export interface MicrosoftUetConfig {
  /** The numeric UET tag id, as a string. */
  tagId: string
  /** The category, or a service of one, that allows UET. @default "marketing" */
  category?: string
}

/** The integrations the script tag can run. */
export interface IntegrationsConfig {
  posthog?: PostHogConfig
  googleConsentMode?: GoogleConsentModeConfig
  clarity?: ClarityConfig
  metaPixel?: MetaPixelConfig
  microsoftUet?: MicrosoftUetConfig
}

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

/** What the UI shows: nothing, the first-layer banner, or the preferences modal. */
export type View = 'none' | 'banner' | 'preferences'

/** The categories a config without `categories` gets. */
export type DefaultCategory = 'essential' | 'analytics'

/**
 * A Cookiegate instance, as returned by `createCookiegate` and exposed as `window.Cookiegate`.
 * `Category` and `Service` are the configured names (see `Config`).
 */
export interface Cookiegate<Category extends string = string, Service extends string = string> {
  /** Nanostores store of the consent state. */
  readonly consent: ReadableAtom<ConsentState<Category, Service>>
  /** Nanostores store of what the UI shows. */
  readonly view: ReadableAtom<View>
  /** The validated config. */
  readonly config: ResolvedConfig
  /** True only when that category or service is allowed now. */
  allowed(name: Category | Service): boolean
  /** Allow every category and store the choice. */
  acceptAll(): void
  /** Refuse every optional category and store the choice. */
  rejectAll(): void
  /**
   * Store a choice; categories left out are refused. A category's value goes to all its
   * services unless a service is named: `cg.save({ analytics: true, posthog: false })`
   */
  save(choice: Partial<Record<Category | Service, boolean>>): void
  /**
   * Allow exactly this category or service and store the choice; every other answer stays as it
   * is (what an embed placeholder's "Always allow" does). A category's services come with it.
   */
  allow(name: Category | Service): void
  /** Show the preferences modal. */
  open(): void
  /** Hide the preferences modal (the banner comes back while undecided). */
  close(): void
  /** Called with the state on every change; returns an unsubscribe function. */
  onChange(listener: (state: ConsentState<Category, Service>) => void): () => void
  /** Resolves once the category or service is allowed (at once if it already is). */
  whenAllowed(name: Category | Service): Promise<void>
  /** Forget the stored choice and ask again. */
  reset(): void
  /** Unmount the UI and remove every listener and observer. */
  destroy(): void
}
