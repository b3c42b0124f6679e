import type { Category, Config, GoogleConsentModeConfig, IntegrationsConfig, PostHogConfig, ResolvedConfig, Texts } from './types'
import { KNOWN_CATEGORIES, TEXT_KEYS } from './defaults'

/** Thrown by `createCookiegate` when the config is invalid; `problems` names every bad field. */
export class CookiegateConfigError extends Error {
  problems: string[]
  constructor(problems: string[]) {
    super('Invalid Cookiegate config:\n- ' + problems.join('\n- '))
    this.name = 'CookiegateConfigError'
    this.problems = problems
  }
}

const DEFAULT_CATEGORIES: Record<string, object> = { essential: { required: true }, analytics: {} }
const CATEGORY_NAME = /^[a-z][a-z0-9_-]{0,39}$/i
// Names a cookie may carry (RFC 6265 token), plus `*` for globs.
const COOKIE_GLOB = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
const DOMAIN = /^\.?([a-z0-9-]+\.)*[a-z0-9-]+$/i
const GCM_TYPES = ['ad_storage', 'analytics_storage', 'ad_user_data', 'ad_personalization', 'functionality_storage', 'personalization_storage', 'security_storage']

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v)

/**
 * Checks a user config and fills in every default. Unknown keys are errors: a typo such as
 * `{ "gcp": false }` must never silently change what the visitor is protected from.
 * @throws CookiegateConfigError listing every problem, each prefixed with its path.
 */
export function resolveConfig(input: unknown = {}): ResolvedConfig {
  let problems: string[] = []
  let fail = (path: string, message: string) => {
    problems.push(`${path}: ${message}`)
  }
  let keys = (obj: Record<string, unknown>, allowed: string[], path: string) => {
    for (let key of Object.keys(obj)) {
      if (!allowed.includes(key)) fail(path + (key || '""'), `unknown key (expected one of ${allowed.join(', ')})`)
    }
  }
  let str = (v: unknown, path: string, fallback: string): string => {
    if (v === undefined) return fallback
    if (typeof v === 'string' && v.trim()) return v
    fail(path, 'expected a non-empty string')
    return fallback
  }
  let bool = (v: unknown, path: string, fallback: boolean): boolean => {
    if (v === undefined) return fallback
    if (typeof v === 'boolean') return v
    fail(path, 'expected true or false')
    return fallback
  }
  let int = (v: unknown, path: string, fallback: number, min: number, max: number): number => {
    if (v === undefined) return fallback
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v
    fail(path, `expected a whole number from ${min} to ${max}`)
    return fallback
  }
  let globs = (v: unknown, path: string, fallback: string[] = []): string[] => {
    if (v === undefined) return fallback
    if (!Array.isArray(v)) {
      fail(path, 'expected an array of strings')
      return fallback
    }
    v.forEach((item, i) => {
      if (typeof item !== 'string') fail(`${path}[${i}]`, 'expected a string')
      else if (!COOKIE_GLOB.test(item)) fail(`${path}[${i}]`, `"${item}" is not a cookie or storage name`)
    })
    return v.filter((item): item is string => typeof item === 'string')
  }

  if (!isObject(input)) {
    throw new CookiegateConfigError([`config: expected an object, got ${Array.isArray(input) ? 'an array' : String(input === null ? null : typeof input)}`])
  }
  let config = input as Config & Record<string, unknown>
  keys(config, ['policyUrl', 'categories', 'revision', 'expiresDays', 'cookie', 'gpc', 'reloadOnWithdraw', 'ui', 'texts', 'integrations', 'receipts'], '')
  // Only http(s) and relative URLs: a `javascript:` URL in config would run on click. Browsers
  // drop tabs and newlines anywhere in a URL and control characters at its ends
  // ("java\tscript:" is a javascript: URL), so a link holding any of them is refused too.
  let link = (v: unknown, path: string, required?: boolean): string | null => {
    if (v === undefined && required) fail(path, 'required')
    let url = str(v, path, '')
    if (url && (/[\0-\x1f\x7f]/.test(url) || (/^[a-z][a-z0-9+.-]*:/i.test(url.trim()) && !/^https?:/i.test(url.trim())))) {
      fail(path, `${JSON.stringify(url)} must be an http(s) or relative URL`)
      return null
    }
    return url.trim() || null
  }
  let section = (v: unknown, path: string, allowed: string[]): Record<string, unknown> | undefined => {
    if (v === undefined) return undefined
    if (isObject(v)) {
      keys(v, allowed, path + '.')
      return v
    }
    fail(path, 'expected an object')
  }

  let policyUrl = config.policyUrl === undefined ? null : link(config.policyUrl, 'policyUrl')

  let categories: Category[] = []
  let rawCategories = config.categories === undefined ? DEFAULT_CATEGORIES : config.categories
  if (!isObject(rawCategories)) {
    fail('categories', 'expected an object of categories')
  } else {
    if (!Object.keys(rawCategories).length) fail('categories', 'expected at least one category')
    for (let [name, raw] of Object.entries(rawCategories)) {
      let path = `categories.${name}`
      if (!CATEGORY_NAME.test(name)) fail(path, 'category names use letters, digits, "-" and "_", starting with a letter')
      if (!isObject(raw)) {
        fail(path, 'expected an object')
        continue
      }
      keys(raw, ['required', 'label', 'description', 'cookies', 'storage'], path + '.')
      let known = Object.prototype.hasOwnProperty.call(KNOWN_CATEGORIES, name) ? KNOWN_CATEGORIES[name] : undefined
      categories.push({
        name,
        required: bool(raw.required, path + '.required', false),
        label: raw.label === undefined ? undefined : str(raw.label, path + '.label', name),
        description: raw.description === undefined ? undefined : str(raw.description, path + '.description', ''),
        cookies: globs(raw.cookies, path + '.cookies', known?.cookies),
        storage: globs(raw.storage, path + '.storage', known?.storage)
      })
    }
  }

  let cookie: ResolvedConfig['cookie'] = { name: 'cookiegate', domain: undefined, path: '/', sameSite: 'Lax' }
  if (config.cookie !== undefined) {
    if (!isObject(config.cookie)) fail('cookie', 'expected an object')
    else {
      let raw = config.cookie as Record<string, unknown>
      keys(raw, ['name', 'domain', 'path', 'sameSite'], 'cookie.')
      cookie.name = str(raw.name, 'cookie.name', cookie.name)
      if (!COOKIE_GLOB.test(cookie.name) || cookie.name.includes('*')) fail('cookie.name', `"${cookie.name}" is not a valid cookie name`)
      if (raw.domain !== undefined) {
        cookie.domain = str(raw.domain, 'cookie.domain', '')
        if (cookie.domain && !DOMAIN.test(cookie.domain)) fail('cookie.domain', `"${cookie.domain}" is not a domain name`)
      }
      cookie.path = str(raw.path, 'cookie.path', '/')
      if (!cookie.path.startsWith('/') || /[;\s]/.test(cookie.path)) fail('cookie.path', 'expected a path starting with "/"')
      if (raw.sameSite !== undefined && !['Lax', 'Strict', 'None'].includes(raw.sameSite as string)) {
        fail('cookie.sameSite', 'expected "Lax", "Strict" or "None"')
      } else if (raw.sameSite) cookie.sameSite = raw.sameSite as ResolvedConfig['cookie']['sameSite']
    }
  }

  let texts: Partial<Texts> = {}
  if (config.texts !== undefined) {
    if (!isObject(config.texts)) fail('texts', 'expected an object')
    else {
      keys(config.texts, TEXT_KEYS, 'texts.')
      for (let key of TEXT_KEYS) if (config.texts[key] !== undefined) texts[key] = str(config.texts[key], 'texts.' + key, '')
    }
  }

  // Integrations name a category, or a service of one (`categories.<name>.services.<service>`).
  let services = categories.flatMap((c) => {
    let raw = isObject(rawCategories) ? rawCategories[c.name] : undefined
    return isObject(raw) && isObject(raw.services) ? Object.keys(raw.services) : []
  })
  let names = categories.map((c) => c.name)
  let target = (v: unknown, path: string, known: string[], what: string, fallback?: string): string | undefined => {
    let value = v === undefined ? fallback : v
    if (value !== undefined && (typeof value !== 'string' || !known.includes(value))) {
      fail(path, `expected the name of a configured ${what}, got ${JSON.stringify(value)}`)
    }
    return value as string | undefined
  }

  let integrations: IntegrationsConfig = {}
  let rawIntegrations = section(config.integrations, 'integrations', ['posthog', 'googleConsentMode'])
  let ph = section(rawIntegrations?.posthog, 'integrations.posthog', ['token', 'apiHost', 'category', 'service', 'options'])
  if (ph) {
    let path = 'integrations.posthog.'
    if (ph.options !== undefined && !isObject(ph.options)) fail(path + 'options', 'expected an object')
    integrations.posthog = {
      token: str(ph.token, path + 'token', ''),
      apiHost: link(ph.apiHost, path + 'apiHost', true) || '',
      category: target(ph.category, path + 'category', names, 'category', 'analytics'),
      service: target(ph.service, path + 'service', services, 'service'),
      options: (ph.options as PostHogConfig['options']) || {}
    }
    if (ph.token === undefined) fail(path + 'token', 'required')
  }
  let gcm = section(rawIntegrations?.googleConsentMode, 'integrations.googleConsentMode', [...GCM_TYPES, 'wait_for_update'])
  if (gcm) {
    let mapped: GoogleConsentModeConfig = { wait_for_update: int(gcm.wait_for_update, 'integrations.googleConsentMode.wait_for_update', 500, 0, 10000) }
    for (let type of GCM_TYPES) {
      let name = target(gcm[type], 'integrations.googleConsentMode.' + type, [...names, ...services], 'category or service')
      if (name) mapped[type as keyof GoogleConsentModeConfig] = name as never
    }
    integrations.googleConsentMode = mapped
  }

  let receipts = section(config.receipts, 'receipts', ['url'])
  let resolved: ResolvedConfig = {
    policyUrl,
    categories,
    revision: int(config.revision, 'revision', 0, 0, 1e9),
    expiresDays: int(config.expiresDays, 'expiresDays', 182, 1, 3650),
    cookie,
    gpc: bool(config.gpc, 'gpc', true),
    reloadOnWithdraw: bool(config.reloadOnWithdraw, 'reloadOnWithdraw', false),
    ui: bool(config.ui, 'ui', true),
    texts,
    integrations,
    receipts: receipts ? { url: link(receipts.url, 'receipts.url', true) || '' } : null
  }
  if (problems.length) throw new CookiegateConfigError(problems)
  return resolved
}
