/** Turns what a watch saw into findings: first- or third-party, and which category claims each. */
import { globsToRegExp } from '../core/erase'
import type { Seen } from './watch'

/** The parts of a page's Cookiegate config that say who owns a cookie, a key or a host. */
export interface Claims {
  /** The stored choice's own cookie. */
  cookieName: string
  categories: { name: string; required: boolean; cookies: string[]; storage: string[]; services: { name: string; cookies: string[]; storage: string[] }[] }[]
  /** Hosts that gated tags load from, by the category (or service) that gates them. */
  hosts: Record<string, string>
}

export interface Finding {
  kind: 'request' | 'cookie' | 'storage'
  name: string
  /** Host of a request, domain of a cookie, origin of a storage key. */
  where: string
  thirdParty: boolean
  /** Set and still there at the end (false: set and removed again). Requests: true. */
  kept: boolean
  /** localStorage or sessionStorage, for a storage key. */
  area?: string
  expires?: number
  /** The category or service that lists it, `null` when nothing does. */
  category: string | null
  /** Listed by a required category (or Cookiegate's own cookie): allowed before any choice. */
  required: boolean
}

// Two-label public suffixes common enough to matter for "same site"; a full list is not needed
// to tell a site's own subdomains from other sites.
const SUFFIXES = /\.(co|com|org|net|ac|gov|edu|ne|or)\.[a-z]{2}$/

/** The registrable part of a host: `www.shop.example.co.uk` → `example.co.uk`. */
export function siteOf(host: string): string {
  if (/^[\d.]+$/.test(host) || host.includes(':') || !host.includes('.')) return host
  let labels = host.split('.')
  return labels.slice(SUFFIXES.test('.' + host) ? -3 : -2).join('.')
}

const owner = (claims: Claims | null, name: string, kind: 'cookies' | 'storage'): { category: string; required: boolean } | null => {
  if (!claims) return null
  for (let category of claims.categories) {
    for (let service of category.services) if (globsToRegExp(service[kind])?.test(name)) return { category: service.name, required: category.required }
    if (globsToRegExp(category[kind])?.test(name)) return { category: category.name, required: category.required }
  }
  return null
}

export function classify(seen: Seen, pageUrl: string, claims: Claims | null, allowedHosts: string[] = []): Finding[] {
  let site = siteOf(new URL(pageUrl).hostname)
  let third = (host: string) => siteOf(host.replace(/^\./, '')) !== site && !allowedHosts.includes(host)
  let findings: Finding[] = []
  let hosts = new Set<string>()
  for (let { host } of seen.requests) {
    if (!third(host) || hosts.has(host)) continue
    hosts.add(host)
    let category = claims?.hosts[host] ?? null
    findings.push({ kind: 'request', name: host, where: host, thirdParty: true, kept: true, category, required: false })
  }
  for (let c of seen.cookies) {
    let own = claims && c.name === claims.cookieName
    let claim = own ? { category: 'cookiegate', required: true } : owner(claims, c.name, 'cookies')
    findings.push({ kind: 'cookie', name: c.name, where: c.domain, thirdParty: third(c.domain), kept: c.kept, expires: c.expires, category: claim?.category ?? null, required: !!claim?.required })
  }
  for (let s of seen.storage) {
    let claim = owner(claims, s.key, 'storage')
    let host = new URL(s.origin).hostname
    findings.push({ kind: 'storage', name: s.key, where: s.origin, area: s.area, thirdParty: third(host), kept: s.kept, category: claim?.category ?? null, required: !!claim?.required })
  }
  return findings
}

/** Claims read from the page's `window.Cookiegate` (null when the page has none). */
export const READ_CLAIMS = () => {
  let cg = (window as { Cookiegate?: { config?: any } }).Cookiegate
  if (!cg?.config?.categories) return null
  let hosts: Record<string, string> = {}
  for (let el of Array.from(document.querySelectorAll('[data-category][src],[data-category][data-src],[data-service][src],[data-service][data-src]'))) {
    try {
      let url = new URL(el.getAttribute('src') || el.getAttribute('data-src') || '', location.href)
      hosts[url.hostname] ||= el.getAttribute('data-service') || el.getAttribute('data-category') || ''
    } catch {}
  }
  return {
    cookieName: cg.config.cookie?.name || 'cookiegate',
    hosts,
    categories: cg.config.categories.map((c: any) => ({
      name: c.name,
      required: !!c.required,
      cookies: c.cookies || [],
      storage: c.storage || [],
      services: (c.services || []).map((s: any) => ({ name: s.name, cookies: s.cookies || [], storage: s.storage || [] }))
    }))
  }
}

/** One line per finding, for people. */
export function describe(findings: Finding[]): string {
  return findings
    .map((f) => {
      let what = f.kind === 'request' ? `request to ${f.name}` : f.kind === 'cookie' ? `cookie ${f.name} (${f.where})` : `${f.area} ${f.name} (${f.where})`
      let notes = [f.thirdParty && f.kind !== 'request' ? 'third-party' : '', f.kept ? '' : 'set and removed again', f.category ? `listed by ${f.category}` : 'listed by no category']
      return `  - ${what}: ${notes.filter(Boolean).join(', ')}`
    })
    .join('\n')
}
