/** The `integrations` section of the config: each vendor's options. */

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
