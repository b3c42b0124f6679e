/** The config a site writes (every field optional), with JSDoc `@default`s. */
import type { IntegrationsConfig } from './integrations'

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
