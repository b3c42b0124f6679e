import type { Category, Config, CookieRow, GoogleConsentModeConfig, IntegrationsConfig, Localized, Position, PostHogConfig, ResolvedConfig, Service, Texts } from './types'
import { KNOWN_CATEGORIES, LANGUAGES, TEXT_KEYS } from './defaults'

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
// A BCP 47 language tag, loosely: "de", "pt-BR", "zh-Hant-TW".
const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i
const POSITIONS: Record<string, Position[]> = {
  bar: ['bottom', 'top'],
  box: ['bottom-right', 'bottom-left', 'top-right', 'top-left']
}

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

  let oneOf = <T extends string>(v: unknown, path: string, allowed: readonly T[], fallback: T): T => {
    if (v === undefined) return fallback
    if (allowed.includes(v as T)) return v as T
    fail(path, `expected ${allowed.map((a) => `"${a}"`).join(', ')}`)
    return fallback
  }
  // A text, or one per language; keys are stored lower-case so "pt-BR" and "pt-br" are one language.
  let localized = (v: unknown, path: string): Localized | undefined => {
    if (v === undefined || typeof v === 'string') return v === undefined ? v : str(v, path, '')
    if (!isObject(v) || !Object.keys(v).length) {
      fail(path, 'expected a string or an object of texts by language, e.g. { "en": "…", "de": "…" }')
      return undefined
    }
    let texts: Record<string, string> = {}
    for (let [lang, text] of Object.entries(v)) {
      if (!LANGUAGE.test(lang)) fail(`${path}.${lang}`, 'expected a language code such as "de"')
      texts[lang.toLowerCase()] = str(text, `${path}.${lang}`, '')
    }
    return texts
  }
  let cookieTable = (v: unknown, path: string): CookieRow[] => {
    if (v === undefined) return []
    if (!Array.isArray(v)) {
      fail(path, 'expected an array of { name, provider, purpose, duration }')
      return []
    }
    return v.flatMap((row, i) => {
      let at = `${path}[${i}]`
      if (!isObject(row)) {
        fail(at, 'expected an object')
        return []
      }
      keys(row, ['name', 'provider', 'purpose', 'duration'], at + '.')
      return [
        {
          name: str(row.name ?? '', at + '.name', ''),
          provider: row.provider === undefined ? undefined : str(row.provider, at + '.provider', ''),
          purpose: localized(row.purpose, at + '.purpose'),
          duration: localized(row.duration, at + '.duration')
        }
      ]
    })
  }

  if (!isObject(input)) {
    throw new CookiegateConfigError([`config: expected an object, got ${Array.isArray(input) ? 'an array' : String(input === null ? null : typeof input)}`])
  }
  let config = input as Config & Record<string, unknown>
  keys(
    config,
    [
      'policyUrl', 'categories', 'revision', 'expiresDays', 'cookie', 'gpc', 'reloadOnWithdraw', 'ui', 'texts',
      'language', 'layout', 'position', 'theme', 'shadow', 'integrations', 'receipts'
    ],
    ''
  )
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
    // allowed(name), data-service and the stored choice take both kinds of name, so they must not clash.
    let taken = new Set(Object.keys(rawCategories))
    for (let [name, raw] of Object.entries(rawCategories)) {
      let path = `categories.${name}`
      if (!CATEGORY_NAME.test(name)) fail(path, 'category names use letters, digits, "-" and "_", starting with a letter')
      if (!isObject(raw)) {
        fail(path, 'expected an object')
        continue
      }
      keys(raw, ['required', 'label', 'description', 'cookies', 'storage', 'services', 'cookieTable'], path + '.')
      let known = Object.prototype.hasOwnProperty.call(KNOWN_CATEGORIES, name) ? KNOWN_CATEGORIES[name] : undefined
      let services: Service[] = []
      if (raw.services !== undefined && !isObject(raw.services)) fail(path + '.services', 'expected an object of services')
      else {
        for (let [service, rawService] of Object.entries(raw.services || {})) {
          let at = `${path}.services.${service}`
          if (!CATEGORY_NAME.test(service)) fail(at, 'service names use letters, digits, "-" and "_", starting with a letter')
          if (taken.has(service)) fail(at, `"${service}" is already the name of a category or service`)
          taken.add(service)
          if (!isObject(rawService)) {
            fail(at, 'expected an object')
            continue
          }
          keys(rawService, ['label', 'description', 'cookies', 'storage', 'cookieTable'], at + '.')
          services.push({
            name: service,
            category: name,
            label: localized(rawService.label, at + '.label'),
            description: localized(rawService.description, at + '.description'),
            cookies: globs(rawService.cookies, at + '.cookies'),
            storage: globs(rawService.storage, at + '.storage'),
            cookieTable: cookieTable(rawService.cookieTable, at + '.cookieTable')
          })
        }
      }
      categories.push({
        name,
        required: bool(raw.required, path + '.required', false),
        label: localized(raw.label, path + '.label'),
        description: localized(raw.description, path + '.description'),
        cookies: globs(raw.cookies, path + '.cookies', known?.cookies),
        storage: globs(raw.storage, path + '.storage', known?.storage),
        services,
        cookieTable: cookieTable(raw.cookieTable, path + '.cookieTable')
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

  // Flat keys override whatever language is shown; a language key holds that language's overrides.
  let textsOf = (raw: Record<string, unknown>, path: string, nested: boolean): Partial<Texts> => {
    let texts: Partial<Texts> = {}
    for (let [key, value] of Object.entries(raw)) {
      if (TEXT_KEYS.includes(key as keyof Texts)) texts[key as keyof Texts] = str(value, path + key, '')
      else if (nested && LANGUAGE.test(key)) {
        if (isObject(value)) translations[key.toLowerCase()] = textsOf(value, `${path}${key}.`, false)
        else fail(path + key, 'expected an object of texts')
      } else fail(path + key, `unknown key (expected a language code or one of ${TEXT_KEYS.join(', ')})`)
    }
    return texts
  }
  let translations: Record<string, Partial<Texts>> = {}
  let texts: Partial<Texts> = {}
  if (config.texts !== undefined) {
    if (!isObject(config.texts)) fail('texts', 'expected an object')
    else texts = textsOf(config.texts, 'texts.', true)
  }

  let language = str(config.language, 'language', 'auto').toLowerCase()
  if (language !== 'auto') {
    let base = language.split('-')[0]!
    if (!LANGUAGE.test(language)) fail('language', `"${config.language}" is not "auto" or a language code such as "de"`)
    else if (![language, base].some((l) => l === 'en' || LANGUAGES.includes(l) || translations[l])) {
      fail('language', `no texts for "${config.language}": use one of en, ${LANGUAGES.join(', ')}, or add texts.${language}`)
    }
  }
  let layout = oneOf(config.layout, 'layout', ['bar', 'box'] as const, 'bar')
  let position = oneOf(config.position, 'position', POSITIONS[layout]!, POSITIONS[layout]![0]!)

  // Integrations name a category, or a service of one (`categories.<name>.services.<service>`).
  let services = categories.flatMap((c) => c.services.map((s) => s.name))
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
    receipts: receipts ? { url: link(receipts.url, 'receipts.url', true) || '' } : null,
    translations,
    language,
    layout,
    position,
    theme: oneOf(config.theme, 'theme', ['light', 'dark', 'auto'] as const, 'auto'),
    shadow: bool(config.shadow, 'shadow', true)
  }
  if (problems.length) throw new CookiegateConfigError(problems)
  return resolved
}
