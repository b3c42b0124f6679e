import type { Category, Config, GoogleConsentModeConfig, IntegrationsConfig, Localized, Position, PostHogConfig, ResolvedConfig, Service, Texts } from './types'
import { GCM_TYPES, KNOWN_CATEGORIES, LANGUAGES, TEXT_KEYS } from './defaults'
import { checkClarity } from '../integrations/clarity-config'
import { checkMetaPixel } from '../integrations/meta-pixel-config'
import { checkMicrosoftUet } from '../integrations/microsoft-uet-config'

// Vendor sections that check themselves (src/integrations/*-config.ts).
const VENDORS = { clarity: checkClarity, metaPixel: checkMetaPixel, microsoftUet: checkMicrosoftUet }

/** Thrown by `createCookiegate` when the config is invalid; `problems` names every bad field. */
export class CookiegateConfigError extends Error {
  problems: string[]
  constructor(problems: string[]) {
    super('Invalid Cookiegate config:\n- ' + problems.join('\n- '))
    this.name = 'CookiegateConfigError'
    this.problems = problems
  }
}

type Raw = Record<string, unknown>
/** Checks one field: notes its problems under `path` and returns the value to keep. */
type Check = (v: any, path: string) => unknown

const DEFAULT_CATEGORIES: Raw = { essential: { required: true }, analytics: {} }
const CATEGORY_NAME = /^[a-z][a-z0-9_-]{0,39}$/i
// Names a cookie may carry (RFC 6265 token), plus `*` for globs.
const COOKIE_GLOB = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
const DOMAIN = /^\.?([a-z0-9-]+\.)*[a-z0-9-]+$/i
// A BCP 47 language tag, loosely: "de", "pt-BR", "zh-Hant-TW".
const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i
const POSITIONS: Record<string, Position[]> = {
  bar: ['bottom', 'top'],
  box: ['bottom-right', 'bottom-left', 'top-right', 'top-left']
}

const isObject = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v)

/**
 * Checks a user config and fills in every default. Unknown keys are errors: a typo such as
 * `{ "gcp": false }` must never silently change what the visitor is protected from.
 * Once any problem is noted the result is thrown away, so a failed check only has to return
 * something the checks after it can read.
 * @throws CookiegateConfigError listing every problem, each prefixed with its path.
 */
export function resolveConfig(input: unknown = {}): ResolvedConfig {
  if (!isObject(input)) {
    throw new CookiegateConfigError([`config: expected an object, got ${Array.isArray(input) ? 'an array' : input === null ? 'null' : typeof input}`])
  }
  let config = input as Config & Raw
  let problems: string[] = []
  let fail = (path: string, message: string): undefined => {
    problems.push(`${path}: ${message}`)
  }
  // `v`, or `fallback` when `v` is missing or fails (`ok` false, noted with `message`).
  let check = <T>(v: unknown, path: string, ok: unknown, message: string, fallback: T): T =>
    v === undefined ? fallback : ok ? (v as T) : (fail(path, message), fallback)
  let str = (v: unknown, path: string, fallback = ''): string =>
    check(v, path, typeof v === 'string' && v.trim(), 'expected a non-empty string', fallback)
  let bool = (v: unknown, path: string, fallback = false): boolean => check(v, path, typeof v === 'boolean', 'expected true or false', fallback)
  let int = (v: unknown, path: string, fallback: number, min: number, max: number): number =>
    check(v, path, Number.isInteger(v) && (v as number) >= min && (v as number) <= max, `expected a whole number from ${min} to ${max}`, fallback)
  let oneOf = <T extends string>(v: unknown, path: string, allowed: readonly T[]): T =>
    check(v, path, allowed.includes(v as T), 'expected ' + allowed.map((a) => `"${a}"`).join(', '), allowed[0]!)
  let unknownKey = (path: string, allowed: readonly string[], what = 'one of') =>
    fail(path, `unknown key (expected ${what} ${allowed.join(', ')})`)
  let keys = (raw: Raw, allowed: readonly string[], path: string) => {
    for (let key of Object.keys(raw)) if (!allowed.includes(key)) unknownKey(path + (key || '""'), allowed)
  }
  // An object (else noted), with only the `allowed` keys when given.
  let obj = (v: unknown, path: string, allowed?: readonly string[], message = 'expected an object'): Raw | undefined => {
    if (!isObject(v)) return fail(path, message)
    if (allowed) keys(v, allowed, path + '.')
    return v
  }
  // The same for an optional section: missing is fine.
  let section = (v: unknown, path: string, allowed?: readonly string[]) => (v === undefined ? v : obj(v, path, allowed))
  // Every key of `spec` checked by its checker, and no other key.
  let shape = (raw: Raw, path: string, spec: Record<string, Check>): Raw => {
    let out: Raw = {}
    keys(raw, Object.keys(spec), path + '.')
    for (let key in spec) out[key] = spec[key]!(raw[key], path + '.' + key)
    return out
  }
  let globs = (v: unknown, path: string, fallback: string[] = []): string[] => {
    if (v === undefined) return fallback
    if (!Array.isArray(v)) return fail(path, 'expected an array of strings') || fallback
    v.forEach((item, i) => {
      let at = `${path}[${i}]`
      if (typeof item !== 'string') fail(at, 'expected a string')
      else if (!COOKIE_GLOB.test(item)) fail(at, `"${item}" is not a cookie or storage name`)
    })
    return v
  }
  // A text, or one per language; keys are stored lower-case so "pt-BR" and "pt-br" are one language.
  let localized = (v: unknown, path: string): Localized | undefined => {
    if (v === undefined) return v
    if (typeof v === 'string') return str(v, path)
    if (!isObject(v) || !Object.keys(v).length) return fail(path, 'expected a string or an object of texts by language')
    let texts: Record<string, string> = {}
    for (let [lang, text] of Object.entries(v)) {
      if (!LANGUAGE.test(lang)) fail(`${path}.${lang}`, 'expected a language code such as "de"')
      texts[lang.toLowerCase()] = str(text, `${path}.${lang}`)
    }
    return texts
  }
  let ROW: Record<string, Check> = {
    name: (v, path) => str(v ?? '', path),
    provider: (v, path) => (v === undefined ? v : str(v, path)),
    purpose: localized,
    duration: localized
  }
  let cookieTable = (v: unknown, path: string) => {
    if (v === undefined) return []
    if (!Array.isArray(v)) return fail(path, 'expected an array of { name, provider, purpose, duration }') || []
    return v.flatMap((row, i) => {
      let raw = obj(row, `${path}[${i}]`)
      return raw ? [shape(raw, `${path}[${i}]`, ROW)] : []
    })
  }
  let SERVICE: Record<string, Check> = { label: localized, description: localized, cookies: globs, storage: globs, cookieTable }
  let nameRule = (what: string) => `${what} names use letters, digits, "-" and "_", starting with a letter`

  // Only http(s) and relative URLs: a `javascript:` URL in config would run on click. Browsers
  // drop tabs and newlines anywhere in a URL and control characters at its ends
  // ("java\tscript:" is a javascript: URL), so a link holding any of them is refused too.
  let link = (v: unknown, path: string, required?: boolean): string | null | undefined => {
    if (v === undefined && required) fail(path, 'required')
    let url = str(v, path)
    let trimmed = url.trim()
    if (/[\0-\x1f\x7f]/.test(url) || (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^https?:/i.test(trimmed))) {
      return fail(path, `${JSON.stringify(url)} must be an http(s) or relative URL`)
    }
    return trimmed || null
  }

  keys(
    config,
    [
      'policyUrl', 'categories', 'revision', 'expiresDays', 'cookie', 'gpc', 'reloadOnWithdraw', 'ui', 'texts',
      'language', 'layout', 'position', 'theme', 'shadow', 'integrations', 'receipts'
    ],
    ''
  )
  let policyUrl = link(config.policyUrl, 'policyUrl') as string | null

  let categories: Category[] = []
  let rawCategories = obj(config.categories === undefined ? DEFAULT_CATEGORIES : config.categories, 'categories', undefined, 'expected an object of categories')
  if (rawCategories) {
    if (!Object.keys(rawCategories).length) fail('categories', 'expected at least one category')
    // allowed(name), data-service and the stored choice take both kinds of name, so they must not clash.
    let taken = new Set(Object.keys(rawCategories))
    let services = (v: unknown, path: string, category: string): Service[] => {
      let list: Service[] = []
      let raw = v === undefined ? {} : obj(v, path, undefined, 'expected an object of services') || {}
      for (let [name, rawService] of Object.entries(raw)) {
        let at = `${path}.${name}`
        if (!CATEGORY_NAME.test(name)) fail(at, nameRule('service'))
        if (taken.has(name)) fail(at, `"${name}" is already the name of a category or service`)
        taken.add(name)
        let service = obj(rawService, at)
        if (service) list.push({ name, category, ...shape(service, at, SERVICE) } as Service)
      }
      return list
    }
    for (let [name, rawCategory] of Object.entries(rawCategories)) {
      let path = `categories.${name}`
      if (!CATEGORY_NAME.test(name)) fail(path, nameRule('category'))
      let raw = obj(rawCategory, path)
      if (!raw) continue
      let known = Object.prototype.hasOwnProperty.call(KNOWN_CATEGORIES, name) ? KNOWN_CATEGORIES[name] : undefined
      let category = shape(raw, path, {
        services: (v, at) => services(v, at, name),
        required: bool,
        ...SERVICE,
        cookies: (v, at) => globs(v, at, known?.cookies),
        storage: (v, at) => globs(v, at, known?.storage)
      })
      categories.push({ name, ...category } as Category)
    }
  }

  let cookie: ResolvedConfig['cookie'] = { name: 'cookiegate', domain: undefined, path: '/', sameSite: 'Lax' }
  let rawCookie = section(config.cookie, 'cookie', ['name', 'domain', 'path', 'sameSite'])
  if (rawCookie) {
    let name = (cookie.name = str(rawCookie.name, 'cookie.name', cookie.name))
    if (!COOKIE_GLOB.test(name) || name.includes('*')) fail('cookie.name', `"${name}" is not a valid cookie name`)
    if (rawCookie.domain !== undefined) {
      let domain = (cookie.domain = str(rawCookie.domain, 'cookie.domain'))
      if (domain && !DOMAIN.test(domain)) fail('cookie.domain', `"${domain}" is not a domain name`)
    }
    let path = (cookie.path = str(rawCookie.path, 'cookie.path', '/'))
    if (path[0] !== '/' || /[;\s]/.test(path)) fail('cookie.path', 'expected a path starting with "/"')
    cookie.sameSite = oneOf(rawCookie.sameSite, 'cookie.sameSite', ['Lax', 'Strict', 'None'] as const)
  }

  // Flat keys override whatever language is shown; a language key holds that language's overrides.
  let translations: Record<string, Partial<Texts>> = {}
  let textsOf = (raw: Raw, path: string, nested?: boolean): Partial<Texts> => {
    let texts: Raw = {}
    for (let [key, value] of Object.entries(raw)) {
      if (TEXT_KEYS.includes(key as keyof Texts)) texts[key] = str(value, path + key)
      else if (nested && LANGUAGE.test(key)) {
        let inner = obj(value, path + key, undefined, 'expected an object of texts')
        if (inner) translations[key.toLowerCase()] = textsOf(inner, `${path}${key}.`)
      } else unknownKey(path + key, TEXT_KEYS, 'a language code or one of')
    }
    return texts
  }
  let rawTexts = section(config.texts, 'texts')
  let texts = rawTexts ? textsOf(rawTexts, 'texts.', true) : {}

  let language = str(config.language, 'language', 'auto').toLowerCase()
  if (language !== 'auto') {
    let quoted = `"${config.language}"`
    if (!LANGUAGE.test(language)) fail('language', `${quoted} is not "auto" or a language code such as "de"`)
    else if (![language, language.split('-')[0]!].some((l) => l === 'en' || LANGUAGES.includes(l) || translations[l])) {
      fail('language', `no texts for ${quoted}: use one of en, ${LANGUAGES.join(', ')}, or add texts.${language}`)
    }
  }
  let layout = oneOf(config.layout, 'layout', ['bar', 'box'] as const)
  let position = oneOf(config.position, 'position', POSITIONS[layout]!)

  // Integrations name a category, or a service of one (`categories.<name>.services.<service>`).
  let services = categories.flatMap((c) => c.services.map((s) => s.name))
  let names = categories.map((c) => c.name)
  let target = (v: unknown, path: string, known: string[], what: string, fallback?: string): string | undefined => {
    let value = v === undefined ? fallback : v
    if (value !== undefined && !known.includes(value as string)) fail(path, `expected the name of a configured ${what}, got ${JSON.stringify(value)}`)
    return value as string | undefined
  }

  let integrations: IntegrationsConfig = {}
  let rawIntegrations = section(config.integrations, 'integrations', ['posthog', 'googleConsentMode', ...Object.keys(VENDORS)])
  for (let [key, checker] of Object.entries(VENDORS)) {
    let checked = checker(rawIntegrations?.[key], 'integrations.' + key, { fail, categories })
    if (checked) (integrations as Raw)[key] = checked
  }
  let path = 'integrations.posthog'
  let ph = section(rawIntegrations?.posthog, path, ['token', 'apiHost', 'category', 'service', 'options'])
  if (ph) {
    section(ph.options, path + '.options')
    integrations.posthog = {
      token: str(ph.token, path + '.token'),
      apiHost: link(ph.apiHost, path + '.apiHost', true) || '',
      category: target(ph.category, path + '.category', names, 'category', 'analytics'),
      service: target(ph.service, path + '.service', services, 'service'),
      options: (ph.options as PostHogConfig['options']) || {}
    }
    if (ph.token === undefined) fail(path + '.token', 'required')
  }
  path = 'integrations.googleConsentMode.'
  let gcm = section(rawIntegrations?.googleConsentMode, path.slice(0, -1), [...GCM_TYPES, 'wait_for_update'])
  if (gcm) {
    let mapped: GoogleConsentModeConfig = { wait_for_update: int(gcm.wait_for_update, path + 'wait_for_update', 500, 0, 10000) }
    for (let type of GCM_TYPES) {
      let name = target(gcm[type], path + type, [...names, ...services], 'category or service')
      if (name) mapped[type] = name
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
    reloadOnWithdraw: bool(config.reloadOnWithdraw, 'reloadOnWithdraw'),
    ui: bool(config.ui, 'ui', true),
    texts,
    integrations,
    receipts: receipts ? { url: link(receipts.url, 'receipts.url', true) || '' } : null,
    translations,
    language,
    layout,
    position,
    theme: oneOf(config.theme, 'theme', ['auto', 'light', 'dark'] as const),
    shadow: bool(config.shadow, 'shadow', true)
  }
  if (problems.length) throw new CookiegateConfigError(problems)
  return resolved
}
