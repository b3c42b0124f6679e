/**
 * PostHog, driven through its own consent API. Deleting `ph_*` cookies alone is pointless while
 * posthog-js keeps running: it writes them back. So capturing is switched with
 * `opt_in_capturing()` / `opt_out_capturing()` and the cookies are deleted only after the opt-out.
 * https://posthog.com/docs/privacy/data-collection#opting-out-of-data-collection
 */
import { eraseCookies, eraseStorage } from '../core/erase'
import type { Cookiegate, PostHogConfig } from '../core/types'
import { allowedFor } from './allowed'

/** The part of a posthog-js instance that Cookiegate drives. */
export interface PostHogInstance {
  opt_in_capturing(options?: Record<string, unknown>): void
  opt_out_capturing(): void
  set_config(config: Record<string, unknown>): void
  config?: Record<string, unknown>
}

export interface PostHogOptions {
  /** The site's posthog-js instance, initialised with `opt_out_capturing_by_default: true`. */
  instance: PostHogInstance
  /** @default "analytics" */
  category?: string
  /** A service of that category (`categories.analytics.services.posthog`). */
  service?: string
  /**
   * Persistence once allowed; `"memory"` while refused, so nothing is written to the browser.
   * @default "localStorage+cookie"
   */
  persistence?: string
}

// PostHog's cookie `ph_<token>_posthog` (on the parent domain by default), its `ph_<token>_*`
// sessionStorage keys and its opt-in flag `__ph_opt_in_out_<token>` in localStorage.
const NAMES = ['ph_*', '__ph_opt_in_out_*']

const guard = (fn: () => void) => {
  try {
    fn()
  } catch (error) {
    // A vendor error must never break the host page.
    console.error('Cookiegate: PostHog', error)
  }
}

/**
 * Opts the site's posthog-js instance in while the category (or service) is allowed and out
 * otherwise; on withdrawal it then deletes PostHog's cookies on every parent domain and its
 * storage keys. Returns a function that stops it.
 *
 * ```js
 * posthog.init('phc_…', { api_host, opt_out_capturing_by_default: true, opt_out_persistence_by_default: true, persistence: 'memory' })
 * posthogIntegration(cg, { instance: posthog })
 * ```
 */
export function posthogIntegration(cg: Cookiegate, options: PostHogOptions): () => void {
  let { instance: ph, category = 'analytics', service, persistence = 'localStorage+cookie' } = options
  let config = ph.config || {}
  // PostHog forgets an opt-out whose `__ph_opt_in_out_*` key is deleted and captures again,
  // unless it was started opted out by default (see TOOLCHAIN / posthog-js `_is_persistence_disabled`).
  if (config.opt_out_capturing_by_default !== true || config.opt_out_persistence_by_default !== true) {
    console.error('Cookiegate: initialise PostHog with opt_out_capturing_by_default: true and opt_out_persistence_by_default: true')
  }
  let was: boolean | undefined
  return cg.consent.subscribe(() => {
    let now = allowedFor(cg, category, service)
    if (now === was) return
    was = now
    let use = now ? persistence : 'memory'
    if (now) {
      guard(() => (ph.config?.persistence === use ? 0 : ph.set_config({ persistence: use })))
      guard(() => ph.opt_in_capturing())
    } else {
      guard(() => ph.opt_out_capturing())
      guard(() => (ph.config?.persistence === use ? 0 : ph.set_config({ persistence: use })))
      eraseCookies(NAMES)
      eraseStorage(NAMES)
    }
  })
}

/**
 * Loads PostHog from `<apiHost>/static/array.js` once the category (or service) is allowed,
 * initialises it opted out by default and opts it in, then drives it like `posthogIntegration`.
 * This is what the script tag runs for `integrations.posthog`.
 */
export function loadPosthog(cg: Cookiegate, config: PostHogConfig): () => void {
  let { token, apiHost, category = 'analytics', service, options = {} } = config
  let stop: (() => void) | undefined
  let started = false
  let unsubscribe = cg.consent.subscribe(() => {
    if (started || !allowedFor(cg, category, service)) return
    started = true
    let w = window as unknown as { posthog?: unknown }
    // The snippet's queue (posthog-js `init_from_snippet`): array.js reads `_i` and calls init.
    w.posthog = Object.assign([], {
      _i: [
        [
          token,
          {
            ...options,
            api_host: apiHost,
            opt_out_capturing_by_default: true,
            opt_out_persistence_by_default: true,
            loaded: (ph: PostHogInstance) => {
              stop = posthogIntegration(cg, {
                instance: ph,
                category,
                service,
                persistence: typeof options.persistence === 'string' ? options.persistence : undefined
              })
            }
          },
          'posthog'
        ]
      ]
    })
    let script = document.createElement('script')
    script.src = apiHost.replace(/\/+$/, '') + '/static/array.js'
    script.crossOrigin = 'anonymous'
    document.head.append(script)
  })
  return () => {
    unsubscribe()
    stop?.()
  }
}
