/** `cookie`: the stored-choice cookie's name, domain, path and SameSite. */
import { COOKIE_NAME, COOKIE_PATH, DOMAIN_NAME } from './codes'
import type { ResolvedConfig } from '../types'
import { COOKIE_GLOB, fail, oneOf, section, str } from './check'

const DOMAIN = /^\.?([a-z0-9-]+\.)*[a-z0-9-]+$/i

export function checkCookie(v: unknown): ResolvedConfig['cookie'] {
  let cookie: ResolvedConfig['cookie'] = { name: 'cookiegate', domain: undefined, path: '/', sameSite: 'Lax' }
  let raw = section(v, 'cookie', ['name', 'domain', 'path', 'sameSite'])
  if (!raw) return cookie
  let name = (cookie.name = str(raw.name, 'cookie.name', cookie.name))
  if (!COOKIE_GLOB.test(name) || name.includes('*')) fail('cookie.name', COOKIE_NAME, name)
  if (raw.domain !== undefined) {
    let domain = (cookie.domain = str(raw.domain, 'cookie.domain'))
    if (domain && !DOMAIN.test(domain)) fail('cookie.domain', DOMAIN_NAME, domain)
  }
  let path = (cookie.path = str(raw.path, 'cookie.path', '/'))
  if (path[0] !== '/' || /[;\s]/.test(path)) fail('cookie.path', COOKIE_PATH)
  cookie.sameSite = oneOf(raw.sameSite, 'cookie.sameSite', ['Lax', 'Strict', 'None'] as const)
  return cookie
}
