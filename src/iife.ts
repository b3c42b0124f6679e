/**
 * Script-tag entry (`dist/cookiegate.js`): reads the config once the DOM is parsed, creates the
 * instance and exposes it as `window.Cookiegate`. The only module that touches globals.
 */
import { atom } from 'nanostores'
import { checkConfig, invalid } from './core/config'
import type { Problem } from './core/config/messages'
import { createChecked } from './core/consent'
import { loadError } from './core/load-error'
import { lazyMount } from './core/lazy-mount'
import { asks, start } from './core/model'
import type { ConsentState, Cookiegate, GoogleConsentModeConfig, ResolvedConfig } from './core/types'
import { allowedFor } from './integrations/allowed'
import { consentDefault, googleConsentMode } from './integrations/google-consent-mode'
import { uetConsentDefault } from './integrations/microsoft-uet-default'
import { fileName } from './files'
import { load, loadOr, receipt } from './lazy-iife'

declare global {
  interface Window {
    Cookiegate?: Cookiegate
    cookiegateConfig?: unknown
  }
}

const loadUI = () => load('ui')

/**
 * The config, checked as the npm entries check it, or its problems thrown as they are noted
 * (codes): their words are fetched only for a bad config, see `report`.
 */
const resolveConfig = (input: unknown): ResolvedConfig => {
  let [config, problems] = checkConfig(input)
  if (problems.length) throw problems
  return config
}

const OFF = '\nCookiegate is off: no banner, and no optional category is allowed.'

/**
 * Logs a bad config as `CookiegateConfigError` words it, with the words of cookiegate-messages-<version>.js.
 * Cookiegate is off already: this only explains. Without that file, it names the bad fields and the file.
 */
const report = (problems: Problem[]) =>
  load('messages')
    .then((m) => invalid(problems.map(m.explain)))
    .catch((error) => invalid([...new Set(problems.map((p) => p[0]))]) + '\n' + loadError(fileName('messages', __VERSION__), error))
    .then((message) => console.error(message + OFF))

/** Config from `<script type="application/json" id="cookiegate-config">`, else `window.cookiegateConfig`, else defaults. */
function readConfig(): unknown {
  let element = document.getElementById('cookiegate-config')
  if (!element) return window.cookiegateConfig
  try {
    return JSON.parse(element.textContent || '')
  } catch (error) {
    throw new Error(`Cookiegate: #cookiegate-config is not valid JSON (${(error as Error).message})`)
  }
}

/**
 * What `readConfig` reads, as a string, where one can stand for the config: the element's text,
 * or `''` for neither the element nor the global. A global object could be changed in place, so
 * it has none.
 */
const source = (): string | undefined => {
  let element = document.getElementById('cookiegate-config')
  return element ? '#' + element.textContent : window.cookiegateConfig === undefined ? '' : undefined
}

/**
 * What a broken config leaves behind: an instance that allows nothing and never resolves,
 * so page code calling `Cookiegate.allowed(...)` keeps working and stays closed.
 */
function createClosed(): Cookiegate {
  let noop = () => {}
  let state: ConsentState = { decided: false, categories: {}, services: {}, revision: 0, id: null, given: null, updated: null, method: null }
  return {
    consent: atom(state),
    view: atom('none'),
    config: resolveConfig({ ui: false }),
    allowed: () => false,
    acceptAll: noop,
    rejectAll: noop,
    save: noop,
    allow: noop,
    open: noop,
    close: noop,
    onChange: () => noop,
    whenAllowed: () => new Promise<void>(noop),
    reset: noop,
    destroy: noop
  }
}

// Integration → its file beside cookiegate.js, and the function that file exports to run it.
const LAZY = {
  posthog: ['posthog', 'loadPosthog'],
  clarity: ['clarity', 'loadClarity'],
  metaPixel: ['meta-pixel', 'loadMetaPixel'],
  microsoftUet: ['microsoft-uet', 'loadMicrosoftUet']
} as const

/** Runs the configured integrations; a vendor's code is fetched only once it is allowed. */
function integrate(cg: Cookiegate) {
  let { integrations } = cg.config
  if (integrations.googleConsentMode) googleConsentMode(cg, integrations.googleConsentMode)
  // Receipts go out once a choice is made: fetch their file while the banner or preferences show,
  // so it is there when the visitor clicks.
  if (cg.config.receipts) cg.view.subscribe((view) => view !== 'none' && load('receipts').catch(() => {}))
  for (let [key, [file, run]] of Object.entries(LAZY)) {
    let options = integrations[key as keyof typeof LAZY] as { category: string; service?: string } | undefined
    let fetched = false
    if (options) {
      cg.consent.subscribe(() => {
        if (fetched || !allowedFor(cg, options.category, options.service)) return
        fetched = true
        loadOr(file).then((module) => module?.[run](cg, options))
      })
    }
  }
}

/** `config`: the page's config as validated when this file ran, given when it cannot have changed since. */
function init(config?: ResolvedConfig) {
  // Included twice: the first copy wins, so there is one instance and one banner.
  if (window.Cookiegate) return
  try {
    integrate(
      (window.Cookiegate = createChecked(() => config || resolveConfig(readConfig()), {
        mount: lazyMount(loadUI, () => load('preferences'), fileName('ui', __VERSION__)),
        placeholder: (cg, embed) => void loadOr('embeds').then((module) => module?.placeholder(cg, embed)),
        receipt
      }))
    )
  } catch (error) {
    window.Cookiegate = createClosed()
    if (Array.isArray(error)) report(error)
    else console.error((error as Error).message + OFF)
  }
}

// The config as validated when this file ran (undefined when invalid).
let validated: ResolvedConfig | undefined
// Runs as this classic script is evaluated, ahead of gating.
try {
  let early = readConfig() as { ui?: unknown; gpc?: unknown; cookie?: { name?: unknown }; integrations?: { googleConsentMode?: GoogleConsentModeConfig; microsoftUet?: unknown } } | undefined
  try {
    validated = resolveConfig(early)
  } catch {}
  let name = early?.cookie?.name || 'cookiegate'
  let stored = document.cookie.split('; ').some((c) => c.startsWith(name + '='))
  let gpc = early?.gpc !== false && (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true
  // Where the visitor starts without a stored choice: asked, refused under GPC, or allowed in an opt-out region.
  let state = validated && !stored ? start(validated, null, gpc) : null
  // Google Consent Mode: "the default must be set before any command that sends measurement data",
  // so it is written now, ahead of the Google tag, not once the DOM is parsed; denied also when
  // the config is invalid (whatever its `googleConsentMode` holds).
  let gcm = early?.integrations?.googleConsentMode
  if (!window.Cookiegate && gcm) consentDefault(gcm, validated, state)
  // UET consent mode likewise: its denied default is queued before any UET tag (a queue entry only).
  if (!window.Cookiegate && early?.integrations?.microsoftUet) uetConsentDefault()
  // The banner will ask: its file starts downloading now, while the page is gated. A stored
  // choice, a GPC refusal, an opt-out region (no banner) and an invalid config (Cookiegate is
  // off) fetch nothing, nor does a prerendered page, which may never be shown.
  let unseen = (document as { prerendering?: boolean }).prerendering === true
  if (!window.Cookiegate && early?.ui !== false && !unseen && !stored && state && asks(state)) {
    // At low priority, announced by a modulepreload that import() then waits for: Lighthouse counts
    // a High-priority script that arrives before the first paint (and the loader that asked for
    // it) into First Contentful Paint. A preload the server rendered (`preloadLinks`) is used as is.
    let file = fileName('ui', __VERSION__)
    let href = new URL(file, (document.currentScript as HTMLScriptElement | null)?.src || location.href).href
    if (!document.querySelector(`link[href$="${file}"]`)) document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', fetchPriority: 'low', href }))
    loadUI().catch(() => {})
  }
} catch {}

// The config is validated once where nothing can have changed it since: at once after parsing
// (`defer`, the usual tag), and at DOMContentLoaded while its source is as it was. Page scripts
// run in between, and may add or rewrite the element or set or change the global object (issue #15).
if (document.readyState === 'loading') {
  let from = source()
  document.addEventListener('DOMContentLoaded', () => init(from !== undefined && source() === from ? validated : undefined), { once: true })
} else init(validated)
