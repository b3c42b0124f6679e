/** Deletes cookies and web-storage keys by name glob when a category is withdrawn. */

/** `["ph_*", "_ga"]` → one anchored RegExp, or null for an empty list. */
export function globsToRegExp(globs: string[]): RegExp | null {
  return globs.length ? new RegExp(`^(?:${globs.map((g) => g.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')).join('|')})$`) : null
}

/** The host itself (host-only cookie), the host and every parent domain: `a.b.shop.test` → …, `shop.test`. */
export function cookieDomains(host: string): (string | undefined)[] {
  let labels = host.split('.')
  // An IP address or a single label has no parent domain. A public suffix such as `co.uk`
  // cannot hold a cookie, so trying it is harmless and no suffix list is needed.
  return [undefined, ...(/^[\d.]+$/.test(host) || host.includes(':') ? [] : labels.slice(1).map((_, i) => labels.slice(i).join('.')))]
}

/** `/docs/a/page` → `/`, `/docs`, `/docs/`, `/docs/a`, `/docs/a/`, `/docs/a/page`: every path a cookie could be set for. */
export function cookiePaths(pathname: string): string[] {
  let paths = ['/']
  let at = 0
  while ((at = pathname.indexOf('/', at + 1)) !== -1) paths.push(pathname.slice(0, at), pathname.slice(0, at + 1))
  if (pathname.length > 1 && !pathname.endsWith('/')) paths.push(pathname)
  return [...new Set(paths)]
}

/** Deletes every cookie whose name matches, on every domain and path it could have been set for. */
export function eraseCookies(globs: string[]): string[] {
  let re = globsToRegExp(globs)
  let names: string[] = []
  let https = location.protocol === 'https:'
  // A page whose cookie getter or setter throws (a sandboxed frame, a privacy extension) has none
  // to delete; when only the setter throws, the names found are still reported.
  try {
    if (re) names = document.cookie.split(';').map((c) => c.split('=')[0]!.trim()).filter((n) => n && re.test(n))
    for (let name of new Set(names)) {
      for (let domain of cookieDomains(location.hostname)) {
        for (let path of cookiePaths(location.pathname)) {
          let base = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=${path}${domain ? '; domain=' + domain : ''}`
          document.cookie = base
          if (https) {
            // In a cross-site frame only SameSite=None writes reach a cookie (a third-party one,
            // where the browser allows them); a partitioned (CHIPS) cookie lives in a jar of its
            // own and is only reached with the same attribute.
            document.cookie = base += '; secure; samesite=none'
            document.cookie = base + '; partitioned'
          }
        }
      }
    }
  } catch {}
  return names
}

/** Deletes matching keys from localStorage and sessionStorage; either may be missing or throw. */
export function eraseStorage(globs: string[]): void {
  let re = globsToRegExp(globs)
  if (re) {
    for (let area of ['localStorage', 'sessionStorage'] as const) {
      try {
        let storage = window[area]
        let keys: string[] = []
        for (let i = 0; i < storage.length; i++) keys.push(storage.key(i)!)
        for (let key of keys) if (re.test(key)) storage.removeItem(key)
      } catch {}
    }
  }
}
