/** Request headers as a `Headers` object, or a plain object such as Node's `IncomingHttpHeaders`. */
export type HeadersLike = { get(name: string): string | null } | Record<string, string | string[] | undefined>

/** A header's value from either kind of headers (names in any case); the first of repeated values. */
export function header(headers: HeadersLike | null | undefined, name: string): string | null {
  if (!headers || typeof headers !== 'object') return null
  try {
    if (typeof headers.get === 'function') return (headers as { get(name: string): string | null }).get(name)
    let plain = headers as Record<string, unknown>
    let value = Object.prototype.hasOwnProperty.call(plain, name)
      ? plain[name]
      : plain[Object.keys(plain).find((key) => key.toLowerCase() === name) ?? '']
    if (Array.isArray(value)) value = value[0]
    return typeof value === 'string' ? value : null
  } catch {
    return null
  }
}

// ISO 3166-1 alpha-2, without the codes that name no country: AA, QM–QZ, XA–XZ and ZZ are
// user-assigned (Cloudflare sends XX for "unknown"), EU and AP are regions; T1 (Tor) has a digit.
const COUNTRY = /^(?!AA|Q[M-Z]|X[A-Z]|ZZ|EU|AP)[A-Z]{2}$/
// The subdivision part of ISO 3166-2: 1–3 letters or digits ("CA", "BE", "BNH", "13").
const SUBDIVISION = /^[A-Z0-9]{1,3}$/

/** Where each edge network puts the visitor's country and subdivision. */
type Reader = (headers: HeadersLike) => [country: string | null, subdivision: string | null]
const pair =
  (country: string, region: string): Reader =>
  (headers) => [header(headers, country), header(headers, region)]

/** Netlify: `x-nf-geo`, base64 of JSON `{ country: { code }, subdivision: { code }, … }`. */
const netlify: Reader = (headers) => {
  let raw = header(headers, 'x-nf-geo')
  if (!raw || raw.length > 4096) return [null, null]
  try {
    let text = raw.trimStart()[0] === '{' ? raw : new TextDecoder().decode(Uint8Array.from(atob(raw.trim()), (c) => c.charCodeAt(0)))
    let geo = JSON.parse(text)
    let code = (v: unknown) => (v && typeof v === 'object' && typeof (v as { code?: unknown }).code === 'string' ? (v as { code: string }).code : null)
    return [code(geo?.country), code(geo?.subdivision)]
  } catch {
    return [null, null]
  }
}

/** The providers `regionFromHeaders` reads, in the order it tries them. */
export const REGION_PROVIDERS = {
  cloudflare: pair('cf-ipcountry', 'cf-region-code'),
  vercel: pair('x-vercel-ip-country', 'x-vercel-ip-country-region'),
  cloudfront: pair('cloudfront-viewer-country', 'cloudfront-viewer-country-region'),
  fastly: pair('fastly-geo-country', 'fastly-geo-region'),
  netlify
}
export type RegionProvider = keyof typeof REGION_PROVIDERS

/** `"DE"`, `"US-CA"` from a country and an optional subdivision, or null when the country is not one. */
function regionCode(country: string | null, subdivision: string | null): string | null {
  let c = typeof country === 'string' ? country.trim().toUpperCase() : ''
  if (!COUNTRY.test(c)) return null
  let s = typeof subdivision === 'string' ? subdivision.trim().toUpperCase() : ''
  // Some setups send the whole ISO 3166-2 code ("US-CA") where the subdivision alone is expected.
  if (s.startsWith(c + '-')) s = s.slice(3)
  return SUBDIVISION.test(s) ? `${c}-${s}` : c
}

/**
 * The visitor's region from the geolocation headers an edge network adds: `"US-CA"`, `"DE"`, …,
 * or `null` when no header holds a real country. Cloudflare (`cf-ipcountry` + `cf-region-code`,
 * the latter from its "visitor location headers"), Vercel, CloudFront, Fastly (`fastly-geo-*`)
 * and Netlify (`x-nf-geo`) are read, the first with a valid country winning. A visitor can send
 * these headers themselves where no edge network overwrites them: pass `providers` to read only
 * the headers yours sets. Never throws.
 *
 * ```js
 * regionFromHeaders(request.headers, { providers: ['vercel'] }) // "US-CA"
 * ```
 */
export function regionFromHeaders(headers: HeadersLike | null | undefined, options: { providers?: RegionProvider[] } = {}): string | null {
  let names = options.providers || (Object.keys(REGION_PROVIDERS) as RegionProvider[])
  for (let name of names) {
    let read = Object.prototype.hasOwnProperty.call(REGION_PROVIDERS, name) ? REGION_PROVIDERS[name] : undefined
    if (!read || !headers) continue
    let region = regionCode(...read(headers))
    if (region) return region
  }
  return null
}
