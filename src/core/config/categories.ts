/** `categories`: each category, its services and cookie tables, with the built-in defaults. */
import { CATEGORY_NAME, COOKIE_TABLE, NAME_TAKEN, NO_CATEGORY, SERVICE_NAME } from './codes'
import { KNOWN_CATEGORIES } from '../defaults'
import type { Category, Service } from '../types'
import { bool, fail, globs, localized, obj, shape, str, type Check, type Raw } from './check'

const DEFAULT_CATEGORIES = { essential: { required: true }, analytics: {} }
const NAME = /^[a-z][a-z0-9_-]{0,39}$/i

const ROW: Record<string, Check> = {
  name: (v, path) => str(v ?? '', path),
  provider: (v, path) => (v === undefined ? v : str(v, path)),
  purpose: localized,
  duration: localized
}
const cookieTable = (v: unknown, path: string) => {
  if (v === undefined) return []
  if (!Array.isArray(v)) return fail(path, COOKIE_TABLE) || []
  return v.flatMap((row, i) => {
    let raw = obj(row, `${path}[${i}]`)
    return raw ? [shape(raw, `${path}[${i}]`, ROW)] : []
  })
}
const SERVICE: Record<string, Check> = { label: localized, description: localized, cookies: globs, storage: globs, cookieTable }

export function checkCategories(v: unknown): Category[] {
  let categories: Category[] = []
  let rawCategories = obj(v === undefined ? DEFAULT_CATEGORIES : v, 'categories', undefined, 'categories')
  if (!rawCategories) return categories
  if (!Object.keys(rawCategories).length) fail('categories', NO_CATEGORY)
  // allowed(name), data-service and the stored choice take both kinds of name, so they must not clash.
  let taken = new Set(Object.keys(rawCategories))
  let services = (v: unknown, path: string, category: string): Service[] => {
    let list: Service[] = []
    let raw = v === undefined ? {} : obj(v, path, undefined, 'services') || {}
    for (let [name, rawService] of Object.entries(raw)) {
      let at = `${path}.${name}`
      if (!NAME.test(name)) fail(at, SERVICE_NAME)
      if (taken.has(name)) fail(at, NAME_TAKEN, name)
      taken.add(name)
      let service = obj(rawService, at)
      if (service) list.push({ name, category, ...shape<Raw>(service, at, SERVICE) } as Service)
    }
    return list
  }
  for (let [name, rawCategory] of Object.entries(rawCategories)) {
    let path = `categories.${name}`
    if (!NAME.test(name)) fail(path, CATEGORY_NAME)
    let raw = obj(rawCategory, path)
    if (!raw) continue
    let known = Object.prototype.hasOwnProperty.call(KNOWN_CATEGORIES, name) ? KNOWN_CATEGORIES[name] : undefined
    let category = shape<Raw>(raw, path, {
      services: (v, at) => services(v, at, name),
      required: bool,
      ...SERVICE,
      cookies: (v, at) => globs(v, at, known?.cookies),
      storage: (v, at) => globs(v, at, known?.storage)
    })
    categories.push({ name, ...category } as Category)
  }
  return categories
}
