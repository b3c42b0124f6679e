/**
 * The primitives every config checker is built from. Each notes its problems under the field's
 * path and returns the value to keep. Once any problem is noted, `resolveConfig` throws the
 * result away, so a failed check only has to return something the checks after it can read.
 */
import { BOOL, GLOB, INT, KEY, LANGUAGE_KEY, LINK, LOCALIZED, OBJ, ONE_OF, REQUIRED, STR, STRING, STRINGS, TARGET } from './codes'
import type { Localized } from '../types'
import type { Args, Code, Problem } from './messages'

export type Raw = Record<string, unknown>
/** Checks one field: notes its problems under `path` and returns the value to keep. */
export type Check = (v: any, path: string) => unknown

// Names a cookie may carry (RFC 6265 token), plus `*` for globs.
export const COOKIE_GLOB = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
// A BCP 47 language tag, loosely: "de", "pt-BR", "zh-Hant-TW".
export const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i

export const isObject = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v)

// The problems of the `resolveConfig` call under way. That call runs start to end synchronously
// and calls no user code, so one list here is safe, and the checkers stay plain functions that the
// loader's minifier can rename (the script-tag file carries all of them). A problem is noted as a
// code and its arguments, not words: the words are in ./messages, which the script tag loads only
// for a bad config.
export let problems: Problem[] = []
/** Starts a new list of problems. */
export const restart = () => (problems = [])

/** Notes a problem of the field at `path`: a code of ./messages and the arguments its words need. */
export const fail = <C extends Code>(path: string, code: C, ...args: Args<C>): undefined => {
  problems.push([path, code, ...args])
}
// `v`, or `fallback` when `v` is missing or fails (`ok` false, noted as `code`).
const check = <T>(v: unknown, path: string, ok: unknown, fallback: T, code: Code, ...args: unknown[]): T =>
  v === undefined ? fallback : ok ? (v as T) : (problems.push([path, code, ...args]), fallback)

export const str = (v: unknown, path: string, fallback = ''): string => check(v, path, typeof v === 'string' && v.trim(), fallback, STR)
export const bool = (v: unknown, path: string, fallback = false): boolean => check(v, path, typeof v === 'boolean', fallback, BOOL)
export const int = (v: unknown, path: string, fallback: number, min: number, max: number): number =>
  check(v, path, Number.isInteger(v) && (v as number) >= min && (v as number) <= max, fallback, INT, min, max)
export const oneOf = <T extends string>(v: unknown, path: string, allowed: readonly T[]): T =>
  check(v, path, allowed.includes(v as T), allowed[0]!, ONE_OF, allowed)

export const keys = (raw: Raw, allowed: readonly string[], path: string) => {
  for (let key of Object.keys(raw)) if (!allowed.includes(key)) fail(path + (key || '""'), KEY, allowed)
}
/** An object (else noted, as "an object of `of`" when given), with only the `allowed` keys when given. */
export const obj = (v: unknown, path: string, allowed?: readonly string[], of?: string): Raw | undefined => {
  if (!isObject(v)) return fail(path, OBJ, of)
  if (allowed) keys(v, allowed, path + '.')
  return v
}
/** The same for an optional section: missing is fine. */
export const section = (v: unknown, path: string, allowed?: readonly string[]) => (v === undefined ? v : obj(v, path, allowed))
/** Every key of `spec` checked by its checker, and no other key. */
export const shape = <T = Raw>(raw: Raw, path: string, spec: Record<string, Check>): T => {
  let out: Raw = {}
  keys(raw, Object.keys(spec), path + '.')
  for (let key in spec) out[key] = spec[key]!(raw[key], path + '.' + key)
  return out as T
}

/** Cookie or storage names (`*` globs). */
export const globs = (v: unknown, path: string, fallback: string[] = []): string[] => {
  if (v === undefined) return fallback
  if (!Array.isArray(v)) return fail(path, STRINGS) || fallback
  v.forEach((item, i) => {
    let at = `${path}[${i}]`
    if (typeof item !== 'string') fail(at, STRING)
    else if (!COOKIE_GLOB.test(item)) fail(at, GLOB, item)
  })
  return v
}

/** A text, or one per language; keys are stored lower-case so "pt-BR" and "pt-br" are one language. */
export const localized = (v: unknown, path: string): Localized | undefined => {
  if (v === undefined) return v
  if (typeof v === 'string') return str(v, path)
  if (!isObject(v) || !Object.keys(v).length) return fail(path, LOCALIZED)
  let texts: Record<string, string> = {}
  for (let [lang, text] of Object.entries(v)) {
    if (!LANGUAGE.test(lang)) fail(`${path}.${lang}`, LANGUAGE_KEY)
    texts[lang.toLowerCase()] = str(text, `${path}.${lang}`)
  }
  return texts
}

/**
 * Only http(s) and relative URLs: a `javascript:` URL in config would run on click. Browsers
 * drop tabs and newlines anywhere in a URL and control characters at its ends
 * ("java\tscript:" is a javascript: URL), so a link holding any of them is refused too.
 */
export const link = (v: unknown, path: string, required?: boolean): string | null | undefined => {
  if (v === undefined && required) fail(path, REQUIRED)
  let url = str(v, path)
  let trimmed = url.trim()
  if (/[\0-\x1f\x7f]/.test(url) || (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^https?:/i.test(trimmed))) {
    return fail(path, LINK, url)
  }
  return trimmed || null
}

/** A name out of `known` (`fallback` when missing); `what` says what it must name. */
export const target = (v: unknown, path: string, known: readonly string[], what: string, fallback?: string): string | undefined => {
  let value = v === undefined ? fallback : v
  if (value !== undefined && !known.includes(value as string)) fail(path, TARGET, what, value)
  return value as string | undefined
}

/**
 * What an integration's checker gets (src/integrations/<name>-config.ts): the primitives above,
 * `fail(path, code, ...args)` for its own rules, and the configured category and service names.
 */
export interface CheckContext {
  fail: typeof fail
  str: typeof str
  bool: typeof bool
  int: typeof int
  oneOf: typeof oneOf
  obj: typeof obj
  section: typeof section
  shape: typeof shape
  globs: typeof globs
  localized: typeof localized
  link: typeof link
  target: typeof target
  /** Names of the configured categories, in order. */
  categories: string[]
  /** Names of the configured services, across categories. */
  services: string[]
}

/**
 * Checks one config section at `path` (`undefined` when the config leaves it out): notes every
 * problem through the context and returns the resolved section, or `undefined` when there is none.
 */
export type Checker<T> = (raw: unknown, path: string, ctx: CheckContext) => T | undefined
