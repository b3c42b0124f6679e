/**
 * The words of every config problem. A checker notes a problem as `[path, code, ...args]`
 * (`fail` in ./check); this table turns the code and its arguments into the sentence. The npm
 * entries format at once (`resolveConfig` throws `CookiegateConfigError`); the script tag, whose
 * every byte is paid on every page view, fetches this module as cookiegate-messages-<version>.js
 * only when a config is bad. It imports nothing, so that file is this table alone.
 */
const json = (v: unknown) => JSON.stringify(v)
const list = (names: readonly string[]) => names.join(', ')
const nameRule = (what: string) => `${what} names use letters, digits, "-" and "_", starting with a letter`

export const MESSAGES = {
  required: 'required',
  config: (v: unknown) => `expected an object, got ${Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v}`,
  str: 'expected a non-empty string',
  bool: 'expected true or false',
  int: (min: number, max: number) => `expected a whole number from ${min} to ${max}`,
  oneOf: (allowed: readonly string[]) => 'expected ' + allowed.map((a) => `"${a}"`).join(', '),
  key: (allowed: readonly string[]) => `unknown key (expected one of ${list(allowed)})`,
  textKey: (allowed: readonly string[]) => `unknown key (expected a language code or one of ${list(allowed)})`,
  vendorKey: (id: string) => `unknown key (expected ${id} or category)`,
  obj: (of?: string) => 'expected an object' + (of ? ' of ' + of : ''),
  strings: 'expected an array of strings',
  string: 'expected a string',
  glob: (name: string) => `"${name}" is not a cookie or storage name`,
  localized: 'expected a string or an object of texts by language',
  lang: 'expected a language code such as "de"',
  link: (url: string) => `${json(url)} must be an http(s) or relative URL`,
  target: (what: string, value: unknown) => `expected the name of a configured ${what}, got ${json(value)}`,
  table: 'expected an array of { name, provider, purpose, duration }',
  empty: 'expected at least one category',
  service: nameRule('service'),
  category: nameRule('category'),
  taken: (name: string) => `"${name}" is already the name of a category or service`,
  cookie: (name: string) => `"${name}" is not a valid cookie name`,
  domain: (domain: string) => `"${domain}" is not a domain name`,
  path: 'expected a path starting with "/"',
  region: (v: unknown) => `${json(v)} is not an ISO 3166 code such as "US" or "US-CA"`,
  jurisdictions: 'needs jurisdictions to choose a model',
  language: (v: unknown) => `"${v}" is not "auto" or a language code such as "de"`,
  texts: (v: unknown, language: string, bundled: readonly string[]) =>
    `no texts for "${v}": use one of en, ${list(bundled)}, or add texts.${language}`,
  id: (v: unknown) => `expected a string of letters and digits, got ${json(v)}`,
  consentless: (name: string) => `"${name}" is required, so the vendor would run without consent`,
  owner: (name: unknown) => `no category or service ${json(name)} is configured`
}

export type Code = keyof typeof MESSAGES
/** The arguments a problem of `code` carries besides its path. */
export type Args<C extends Code> = (typeof MESSAGES)[C] extends (...args: infer A) => string ? A : []
/** A problem as the checkers note it: the path of the field, the code, the code's arguments. */
export type Problem = [path: string, code: Code, ...args: unknown[]]

/** One problem in words: `"<path>: <what is wrong>"`. */
export const explain = ([path, code, ...args]: Problem): string => {
  let words = MESSAGES[code] as string | ((...a: unknown[]) => string)
  return `${path}: ${typeof words === 'string' ? words : words(...args)}`
}
