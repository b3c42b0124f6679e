/**
 * An independent model of what a visitor is owed, written from CONTRACT §4–§6 and not from
 * src/core/model.ts: the model-based suite (consent-model.test.ts) drives the real instance and
 * compares it with this after every step. Plain data, no library code.
 */

/** A config as the suite uses it: optional categories, each with zero or more services. */
export interface Shape {
  /** Optional category → its services (empty: a category without services). */
  optional: Record<string, string[]>
}

export type Method = 'accept-all' | 'reject-all' | 'custom' | 'gpc'

/** What the visitor decided, as the cookie (CONTRACT §5) holds it. */
export interface Stored {
  method: Exclude<Method, 'gpc'>
  /** Every optional category and service. */
  values: Record<string, boolean>
  revision: number
}

export interface Page {
  decided: boolean
  method: Method | null
  values: Record<string, boolean>
  /** What the UI shows. */
  view: 'none' | 'banner' | 'preferences'
  /** The preferences' switches while they are open. */
  draft: Record<string, boolean> | null
  /** Names allowed at some moment since this page loaded: their tags have run, once. */
  ever: Set<string>
  /** Embeds shown on this page (by "Load this once", or allowed at some moment). */
  loaded: Set<number>
}

export interface World {
  shape: Shape
  revision: number
  gpc: boolean
  stored: Stored | null
  page: Page
}

export const categoriesOf = (shape: Shape) => Object.keys(shape.optional)
export const servicesOf = (shape: Shape) => Object.values(shape.optional).flat()
export const namesOf = (shape: Shape) => [...categoriesOf(shape), ...servicesOf(shape)]
export const categoryOf = (shape: Shape, service: string) =>
  Object.keys(shape.optional).find((c) => shape.optional[c]!.includes(service))

/**
 * Values for every name from what the visitor said: a service takes its own answer, else its
 * category's; a category with services is allowed while one of them is; anything not said is
 * refused (CONTRACT §4: save({ analytics: true }) refuses what it leaves out).
 */
export function complete(shape: Shape, said: (name: string, category?: string) => boolean): Record<string, boolean> {
  let values: Record<string, boolean> = {}
  for (let [category, services] of Object.entries(shape.optional)) {
    for (let s of services) values[s] = said(s, category)
    values[category] = services.length ? services.some((s) => values[s]) : said(category)
  }
  return values
}

const all = (shape: Shape, on: boolean) => complete(shape, () => on)

/** The page a fresh load shows: the stored choice if it is for this revision; else GPC's refusal; else the banner. */
export function load(world: World): Page {
  let { stored, shape } = world
  let valid = stored && stored.revision === world.revision ? stored : null
  let page: Page = valid
    ? { decided: true, method: valid.method, values: { ...valid.values }, view: 'none', draft: null, ever: new Set(), loaded: new Set() }
    : world.gpc
      ? { decided: true, method: 'gpc', values: all(shape, false), view: 'none', draft: null, ever: new Set(), loaded: new Set() }
      : { decided: false, method: null, values: all(shape, false), view: 'banner', draft: null, ever: new Set(), loaded: new Set() }
  note(page)
  return page
}

/** Remembers what is allowed now as having run on this page. */
export function note(page: Page): void {
  for (let [name, on] of Object.entries(page.values)) if (on) page.ever.add(name)
}

/** The same answers and the same way of giving them: then a decision changes nothing. */
export const sameDecision = (a: { decided: boolean; method: Method | null; values: Record<string, boolean> }, method: Method, values: Record<string, boolean>) =>
  a.decided && a.method === method && Object.keys(values).every((n) => a.values[n] === values[n])

/** A decision made on this page: stored, the UI closed. Returns whether anything changed. */
export function decide(world: World, method: Exclude<Method, 'gpc'>, values: Record<string, boolean>): boolean {
  let { page } = world
  page.view = 'none'
  page.draft = null
  if (sameDecision(page, method, values)) return false
  page.decided = true
  page.method = method
  page.values = values
  world.stored = { method, values: { ...values }, revision: world.revision }
  note(page)
  return true
}

export const acceptAll = (world: World) => decide(world, 'accept-all', all(world.shape, true))
export const rejectAll = (world: World) => decide(world, 'reject-all', all(world.shape, false))

export function save(world: World, choice: Record<string, boolean>): boolean {
  return decide(world, 'custom', complete(world.shape, (name, category) => (choice[name] ?? (category ? choice[category] : undefined)) === true))
}

/** "Always allow X": X (with its services, for a category) and nothing else. */
export function allow(world: World, name: string): boolean {
  let { shape, page } = world
  if (page.values[name]) {
    page.view = 'none'
    return false
  }
  let services = shape.optional[name] || []
  return decide(
    world,
    'custom',
    complete(shape, (item) => item === name || services.includes(item) || page.values[item] === true)
  )
}

/** Forget the choice: the banner asks again (or GPC refuses again, silently). */
export function reset(world: World): boolean {
  world.stored = null
  let before = world.page
  let fresh = load(world)
  let changed = before.decided !== fresh.decided || before.method !== fresh.method || namesOf(world.shape).some((n) => before.values[n] !== fresh.values[n])
  before.decided = fresh.decided
  before.method = fresh.method
  before.values = fresh.values
  before.view = fresh.view
  before.draft = null
  return changed
}

/** Another tab changed the cookie; this page reads it again. Open preferences stay open. */
export function reread(world: World): boolean {
  let { page } = world
  let fresh = load(world)
  let changed = page.decided !== fresh.decided || page.method !== fresh.method || namesOf(world.shape).some((n) => page.values[n] !== fresh.values[n])
  page.decided = fresh.decided
  page.method = fresh.method
  page.values = fresh.values
  if (page.view !== 'preferences') page.view = fresh.view
  note(page)
  return changed
}

/** Switching one switch in the open preferences: a category takes its services with it. */
export function toggle(world: World, name: string): void {
  let { shape } = world
  let draft = world.page.draft!
  let on = !draft[name]
  draft[name] = on
  let services = shape.optional[name]
  if (services) for (let s of services) draft[s] = on
  else {
    let category = categoryOf(shape, name)!
    draft[category] = shape.optional[category]!.some((s) => draft[s])
  }
}
