/**
 * `resolveConfig`: checks a user config section by section and fills in every default. Each
 * section has its checker in src/core/config/, each integration in src/integrations/<name>-config.ts.
 * The checks note problems as codes (`checkConfig`); their words are in ./config/messages.
 */
import { CONFIG_TYPE } from './config/codes'
import { checkCategories } from './config/categories'
import { bool, fail, int, isObject, keys, link, oneOf, problems, restart } from './config/check'
import { checkCookie } from './config/cookie'
import { checkIntegrations } from './config/integrations'
import { checkJurisdictions, checkRegion } from './config/jurisdictions'
import { checkLayout, checkPosition } from './config/layout'
import { explain, type Problem } from './config/messages'
import { checkReceipts } from './config/receipts'
import { checkLanguage, checkTexts } from './config/texts'
import { CookiegateError } from './error'
import type { ResolvedConfig } from './types'

/** The message of a bad config, listing every problem (`CookiegateConfigError`, the script tag's console error). */
export const invalid = (problems: string[]): string => 'Invalid Cookiegate config:\n- ' + problems.join('\n- ')

/** Thrown by `createCookiegate` when the config is invalid; `problems` names every bad field. */
export class CookiegateConfigError extends CookiegateError {
  problems: string[]
  constructor(problems: string[]) {
    super(invalid(problems))
    this.name = 'CookiegateConfigError'
    this.problems = problems
  }
}

/**
 * Every top-level key and its checker, which gets the raw value, its path and what the sections
 * before it resolved (`position` reads `layout`). Checked in this order, which is the order of
 * the problems listed.
 */
const SECTIONS: Record<string, (v: any, path: string, out: ResolvedConfig) => unknown> = {
  policyUrl: (v, path) => link(v, path),
  categories: checkCategories,
  cookie: checkCookie,
  texts: (v, _, out) => checkTexts(v, (out.translations = {})),
  language: (v, _, out) => checkLanguage(v, out.translations),
  layout: checkLayout,
  position: (v, _, out) => checkPosition(v, out.layout),
  integrations: (v, _, out) => checkIntegrations(v, out.categories),
  revision: (v, path) => int(v, path, 0, 0, 1e9),
  expiresDays: (v, path) => int(v, path, 182, 1, 3650),
  gpc: (v, path) => bool(v, path, true),
  reloadOnWithdraw: (v, path) => bool(v, path),
  ui: (v, path) => bool(v, path, true),
  receipts: checkReceipts,
  theme: (v, path) => oneOf(v, path, ['auto', 'light', 'dark'] as const),
  shadow: (v, path) => bool(v, path, true),
  jurisdictions: checkJurisdictions,
  region: (v, _, out) => checkRegion(v, out)
}

/**
 * Checks a user config and fills in every default. Unknown keys are errors: a typo such as
 * `{ "gcp": false }` must never silently change what the visitor is protected from.
 * Gives the config and the problems found, as codes (./config/messages has their words): the
 * config is only good when there are none.
 */
export function checkConfig(input: unknown = {}): [ResolvedConfig, Problem[]] {
  restart()
  let out = {} as ResolvedConfig & Record<string, unknown>
  if (!isObject(input)) fail('config', CONFIG_TYPE, input)
  else {
    keys(input, Object.keys(SECTIONS), '')
    for (let key in SECTIONS) out[key] = SECTIONS[key]!(input[key], key, out)
  }
  return [out, problems]
}

/**
 * `checkConfig`, throwing on any problem.
 * @throws CookiegateConfigError listing every problem, each prefixed with its path.
 */
export function resolveConfig(input?: unknown): ResolvedConfig {
  let [config, found] = checkConfig(input)
  if (found.length) throw new CookiegateConfigError(found.map(explain))
  return config
}
