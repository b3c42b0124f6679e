/**
 * The words of every config problem. A checker notes a problem as `[path, code, ...args]`
 * (`fail` in ./check); this table turns the code and its arguments into the sentence. The npm
 * entries format at once (`resolveConfig` throws `CookiegateConfigError`); the script tag, whose
 * every byte is paid on every page view, fetches this module as cookiegate-messages-<version>.js
 * only when a config is bad. It imports nothing, so that file is this table alone.
 */
import type * as codes from './codes'

const json = (v: unknown) => JSON.stringify(v)
const list = (names: readonly string[]) => names.join(', ')
const nameRule = (what: string) => `${what} names use letters, digits, "-" and "_", starting with a letter`

// By code, in the order of ./codes: an array is the smallest table (test/core/config-messages.test.ts
// checks that each code has its own words).
export const MESSAGES = [
  /* REQUIRED */ 'required',
  /* CONFIG_TYPE */ (v: unknown) => `expected an object, got ${Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v}`,
  /* STR */ 'expected a non-empty string',
  /* BOOL */ 'expected true or false',
  /* INT */ (min: number, max: number) => `expected a whole number from ${min} to ${max}`,
  /* ONE_OF */ (allowed: readonly string[]) => 'expected ' + allowed.map((a) => `"${a}"`).join(', '),
  /* KEY */ (allowed: readonly string[]) => `unknown key (expected one of ${list(allowed)})`,
  /* TEXT_KEY */ (allowed: readonly string[]) => `unknown key (expected a language code or one of ${list(allowed)})`,
  /* VENDOR_KEY */ (id: string) => `unknown key (expected ${id} or category)`,
  /* OBJ */ (of?: string) => 'expected an object' + (of ? ' of ' + of : ''),
  /* STRINGS */ 'expected an array of strings',
  /* STRING */ 'expected a string',
  /* GLOB */ (name: string) => `"${name}" is not a cookie or storage name`,
  /* LOCALIZED */ 'expected a string or an object of texts by language',
  /* LANGUAGE_KEY */ 'expected a language code such as "de"',
  /* LINK */ (url: string) => `${json(url)} must be an http(s) or relative URL`,
  /* TARGET */ (what: string, value: unknown) => `expected the name of a configured ${what}, got ${json(value)}`,
  /* COOKIE_TABLE */ 'expected an array of { name, provider, purpose, duration }',
  /* NO_CATEGORY */ 'expected at least one category',
  /* SERVICE_NAME */ nameRule('service'),
  /* CATEGORY_NAME */ nameRule('category'),
  /* NAME_TAKEN */ (name: string) => `"${name}" is already the name of a category or service`,
  /* COOKIE_NAME */ (name: string) => `"${name}" is not a valid cookie name`,
  /* DOMAIN_NAME */ (domain: string) => `"${domain}" is not a domain name`,
  /* COOKIE_PATH */ 'expected a path starting with "/"',
  /* REGION_CODE */ (v: unknown) => `${json(v)} is not an ISO 3166 code such as "US" or "US-CA"`,
  /* NO_JURISDICTIONS */ 'needs jurisdictions to choose a model',
  /* AUTO_OR_LANGUAGE */ (v: unknown) => `"${v}" is not "auto" or a language code such as "de"`,
  /* NO_TEXTS */ (v: unknown, language: string, bundled: readonly string[]) =>
    `no texts for "${v}": use one of en, ${list(bundled)}, or add texts.${language}`,
  /* VENDOR_ID */ (v: unknown) => `expected a string of letters and digits, got ${json(v)}`,
  /* CONSENTLESS */ (name: string) => `"${name}" is required, so the vendor would run without consent`,
  /* NO_OWNER */ (name: unknown) => `no category or service ${json(name)} is configured`
] as const

/** A problem's code: one of ./codes. */
export type Code = (typeof codes)[keyof typeof codes]
/** The arguments a problem of `code` carries besides its path. */
export type Args<C extends Code> = (typeof MESSAGES)[C] extends (...args: infer A) => string ? A : []
/** A problem as the checkers note it: the path of the field, the code, the code's arguments. */
export type Problem = [path: string, code: Code, ...args: unknown[]]

/** One problem in words: `"<path>: <what is wrong>"`. */
export const explain = ([path, code, ...args]: Problem): string => {
  let words = MESSAGES[code] as string | ((...a: unknown[]) => string)
  return `${path}: ${typeof words === 'string' ? words : words(...args)}`
}
