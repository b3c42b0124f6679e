import { fileName } from '../files'
import type { ConsentState } from '../core/types'

export interface PreloadOptions {
  /** Where cookiegate.js is served from, e.g. `"/"`, `"/assets/"` or `"https://cdn.example.com/cookiegate/"`. */
  base: string
  /** The request carries `Sec-GPC: 1`: the browser refuses silently and shows no banner. */
  gpc?: boolean
  /** The config turns the built-in UI off (`ui: false`). */
  ui?: boolean
}

const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/**
 * The URLs to preload while the banner is about to show (no valid stored choice), else `[]`:
 * for frameworks that render `<link rel="modulepreload" href>` themselves (React, Vue).
 */
export function preloadUrls(state: Pick<ConsentState, 'decided'> | null | undefined, options: PreloadOptions): string[] {
  if (state?.decided || options.gpc || options.ui === false) return []
  let base = options.base.endsWith('/') ? options.base : options.base + '/'
  return [base + fileName('ui', __VERSION__)]
}

/**
 * `<link rel="modulepreload" fetchpriority="low">` for the banner's file when the banner is about
 * to show (no valid stored choice), else `""`. Put it in `<head>`: the browser fetches the banner
 * with the HTML instead of after cookiegate.js has run. The URL is exactly the one the script tag
 * imports, so the preload is used, never fetched twice. Low, as the loader's own preload is: a
 * parser-found script of High priority that ends before the first paint is counted into
 * Lighthouse's First Contentful Paint, and the page's own content should come first anyway.
 *
 * ```js
 * html = html.replace('</head>', preloadLinks(state, { base: '/' }) + '</head>')
 * ```
 */
export function preloadLinks(state: Pick<ConsentState, 'decided'> | null | undefined, options: PreloadOptions): string {
  return preloadUrls(state, options)
    .map((url) => `<link rel="modulepreload" href="${attr(url)}" fetchpriority="low">`)
    .join('')
}
