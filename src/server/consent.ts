import { resolveConfig } from '../core/config'
import { parseChoice } from '../core/parse'
import type { Config, ConsentState, ResolvedConfig } from '../core/types'

/**
 * The value of cookie `name` in a `Cookie` request header, read the way js-cookie reads
 * `document.cookie` in the browser: the first cookie of that name whose value decodes wins
 * (browsers send the most specific path first), surrounding quotes are dropped, `%XX` runs are
 * URI-decoded, and a cookie whose name or value does not decode is skipped. Never throws.
 */
export function cookieValue(header: string | null | undefined, name: string): string | undefined {
  if (typeof header !== 'string') return undefined
  // Browsers join cookies with "; "; other clients and proxies may leave out the space.
  for (let part of header.split(';')) {
    let pair = part.trimStart()
    let eq = pair.indexOf('=')
    let value = eq < 0 ? '' : pair.slice(eq + 1)
    try {
      if (decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq)) !== name) continue
      if (value[0] === '"') value = value.slice(1, -1)
      return value.replace(/(%[\dA-F]{2})+/gi, decodeURIComponent)
    } catch {}
  }
  return undefined
}

/** The state before any choice: required categories (and their services) on, the rest off. */
function undecided(config: ResolvedConfig): ConsentState {
  let categories: Record<string, boolean> = {}
  let services: Record<string, boolean> = {}
  for (let { name, required, services: list } of config.categories) {
    categories[name] = !!required
    for (let s of list) services[s.name] = !!required
  }
  return { decided: false, categories, services, revision: config.revision, id: null, given: null, updated: null, method: null }
}

/**
 * The consent state the browser derives from the same `Cookie` header (CONTRACT §5 rules: revision,
 * expiry, tampering, services, categories added since), through the browser's own parser. Global
 * Privacy Control is left to the browser. Never throws on the header.
 *
 * ```js
 * const state = readConsent(request.headers.get('cookie'), config)
 * if (state.categories.analytics) html += '<script src="/analytics.js"></script>'
 * ```
 * @throws CookiegateConfigError listing every problem of `config`, as in the browser.
 */
export function readConsent(cookieHeader: string | null | undefined, config?: Config, now = Date.now()): ConsentState {
  let resolved = resolveConfig(config)
  return parseChoice(cookieValue(cookieHeader, resolved.cookie.name), resolved, now) || undecided(resolved)
}
