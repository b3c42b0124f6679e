/**
 * The shared checker behind `integrations.clarity`, `.metaPixel` and `.microsoftUet`: a vendor
 * id, and the category (or service) that allows the vendor. Each vendor's own module
 * (clarity-config.ts …) names its id key, its default category and what it stores in the browser.
 */
import { CONSENTLESS, NO_OWNER, OBJ, REQUIRED, VENDOR_ID, VENDOR_KEY } from '../core/config/codes'
import type { Args, Code } from '../core/config/messages'
import type { Category } from '../core/types'

/** What a section checker gets besides its raw value and path. */
export interface CheckContext {
  /** Notes a problem under `path` (the whole config then fails closed): a code of src/core/config/messages.ts and its arguments. */
  fail<C extends Code>(path: string, code: C, ...args: Args<C>): undefined
  /** The categories checked so far, their services included. */
  categories: Category[]
}

/** A vendor's id key, default category, and the cookies and storage keys it writes. */
export interface VendorSpec {
  id: string
  category: string
  cookies: string[]
  storage: string[]
}

/** The checked section: the id, and the category or service name that allows the vendor. */
export type VendorResolved = Record<string, string> & { category: string }

const merge = (list: string[], add: string[]) => [...new Set([...list, ...add])]

/**
 * Checks one vendor section. The vendor's cookies and storage keys join the erase lists of the
 * category or service it names, so withdrawing that (and the start-up sweep) deletes them.
 */
export function checkVendor(raw: unknown, path: string, ctx: CheckContext, spec: VendorSpec): VendorResolved | undefined {
  if (raw === undefined) return
  let fail = <C extends Code>(key: string, code: C, ...args: Args<C>) => ctx.fail(`${path}.${key}`, code, ...args)
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return ctx.fail(path, OBJ)
  let section = raw as Record<string, unknown>
  for (let key in section) if (key !== spec.id && key !== 'category') fail(key, VENDOR_KEY, spec.id)
  let id = section[spec.id]
  // Ids go into script URLs. As strings: a 16-digit pixel id loses digits as a JSON number.
  if (typeof id !== 'string' || !/^[a-z0-9]{1,32}$/i.test(id)) {
    if (id === undefined) fail(spec.id, REQUIRED)
    else fail(spec.id, VENDOR_ID, id)
  }
  let name = section.category === undefined ? spec.category : section.category
  let owner = ctx.categories.find((c) => c.name === name || c.services.some((s) => s.name === name))
  // A required category is on before any choice: the vendor would track without consent.
  if (!owner || owner.required) {
    return owner ? fail('category', CONSENTLESS, name as string) : fail('category', NO_OWNER, name)
  }
  claim(ctx.categories, name as string, spec)
  return { [spec.id]: id as string, category: name as string }
}

/** Adds the vendor's cookies and storage keys to the erase lists of the category or service `name`. */
export function claim(categories: Category[], name: string, spec: VendorSpec): void {
  for (let item of categories.flatMap((c) => [c, ...c.services])) {
    if (item.name !== name) continue
    item.cookies = merge(item.cookies, spec.cookies)
    item.storage = merge(item.storage, spec.storage)
  }
}
