/**
 * Model-based test: random sequences of every way a visitor, the page or another tab can touch
 * consent, run against the real instance (core + Preact UI + embed placeholders, happy-dom) and
 * against the independent model in ./oracle.ts. After every step it checks that:
 *   1. a category or service the visitor refused becomes allowed only through an action that
 *      names it, or accept-all;
 *   2. the state equals what a fresh page reads from the cookie (persistence is exact);
 *   3. a gated tag has run iff its category/service is allowed now or was earlier on this page;
 *   4. whatever is not allowed has no cookies and no storage keys left;
 *   5. `cookiegate:change` fired once per actual change, never for a no-op;
 * and that state, banner, preferences and embeds are what the model says.
 * MODEL_RUNS sets the number of sequences (default 10,000), run as four files of a quarter each
 * (consent-model-<n>.test.ts): each file gets a fresh page and heap (happy-dom keeps about half a
 * megabyte per sequence until its window goes). A failure prints fast-check's seed and the shrunk
 * sequence.
 */
import fc from 'fast-check'
import { afterAll, describe, test } from 'vitest'
import { createConsent } from '../../src/core/consent'
import { placeholder } from '../../src/embeds/placeholder'
import type { Config, ConsentState, Cookiegate } from '../../src/core/types'
import { mountUI } from '../../src/ui/index'
import { loadPreferences } from '../../src/ui/load-preferences'
import * as M from './oracle'

const SHAPES: Record<string, M.Shape> = {
  plain: { optional: { analytics: [], marketing: [] } },
  services: { optional: { analytics: ['posthog', 'plausible'], marketing: ['youtube'] } }
}
/** Sequences per file: a quarter of MODEL_RUNS. */
const RUNS = Math.ceil(Number(process.env.MODEL_RUNS || 10_000) / 4)

/** Every embed on the test page: what it needs, the last need being the one its button allows. */
const embedsOf = (shape: M.Shape) => [
  ['marketing', ...(shape.optional.marketing!.length ? ['youtube'] : [])],
  ...(shape.optional.analytics!.length ? [['analytics', 'posthog']] : [])
]

function configOf(shape: M.Shape, revision: number): Config {
  let categories: Record<string, unknown> = { essential: { required: true } }
  for (let [name, services] of Object.entries(shape.optional)) {
    categories[name] = {
      cookies: [`${name}_*`],
      storage: [`${name}_*`],
      ...(services.length ? { services: Object.fromEntries(services.map((s) => [s, { cookies: [`${s}_*`], storage: [`${s}_*`] }])) } : {})
    }
  }
  return { categories, revision } as Config
}

// ── the real page ────────────────────────────────────────────────────────────────────────────
interface Real {
  cg: Cookiegate
  changes: number
}
let real: Real | undefined
let ran: string[] = []
;(window as unknown as { __ran: string[] }).__ran = ran

const flush = async () => {
  for (let i = 0; i < 6; i++) await Promise.resolve()
}

function page(shape: M.Shape) {
  let scripts = M.namesOf(shape).map((name) => {
    let category = M.categoryOf(shape, name)
    let attrs = category ? `data-category="${category}" data-service="${name}"` : `data-category="${name}"`
    return `<script type="text/plain" ${attrs}>window.__ran.push(${JSON.stringify(name)})</script>`
  })
  let embeds = embedsOf(shape).map(
    ([category, service], i) =>
      `<video data-category="${category}"${service ? ` data-service="${service}"` : ''} data-src="https://video.test/${i}.mp4" title="Video ${i}"></video>`
  )
  document.body.innerHTML = `<main>${scripts.join('')}${embeds.join('')}</main><footer><a href="#" data-cookie-settings>Cookie Settings</a></footer>`
}

const onChange = () => real && real.changes++

async function open(world: M.World) {
  real?.cg.destroy()
  ran.length = 0
  page(world.shape)
  Object.defineProperty(navigator, 'globalPrivacyControl', { value: world.gpc, configurable: true })
  let cg = createConsent(configOf(world.shape, world.revision), { mount: mountUI, placeholder })
  real = { cg, changes: 0 }
  await flush()
}

const root = () => document.getElementById('cookiegate')?.shadowRoot ?? null
const bannerEl = () => root()?.querySelector('section') ?? null
const dialogEl = () => root()?.querySelector('dialog') ?? null
const button = (scope: ParentNode | null, text: string | RegExp) =>
  Array.from(scope?.querySelectorAll('button') ?? []).find((b) => (typeof text === 'string' ? b.textContent === text : text.test(b.textContent || '')))
async function click(el: Element | null | undefined, what: string) {
  if (!el) throw new Error(`${what}: not on the page`)
  ;(el as HTMLElement).click()
  await flush()
}

function readCookie(): Record<string, any> | null {
  let raw = document.cookie.split('; ').find((c) => c.startsWith('cookiegate='))
  return raw ? JSON.parse(decodeURIComponent(raw.slice('cookiegate='.length))) : null
}

/** What another tab of the site writes (CONTRACT §5), keeping the consent id. */
function writeCookie(world: M.World, stored: M.Stored) {
  let now = new Date().toISOString()
  let old = readCookie()
  let categories: Record<string, boolean> = { essential: true }
  let services: Record<string, boolean> = {}
  for (let [name, list] of Object.entries(world.shape.optional)) {
    categories[name] = stored.values[name]!
    for (let s of list) services[s] = stored.values[s]!
  }
  let value = {
    v: 1,
    revision: stored.revision,
    id: old?.revision === stored.revision && old.id ? old.id : crypto.randomUUID(),
    given: old?.revision === stored.revision && old.given ? old.given : now,
    updated: now,
    categories,
    ...(M.servicesOf(world.shape).length ? { services } : {}),
    method: stored.method
  }
  document.cookie = `cookiegate=${encodeURIComponent(JSON.stringify(value))}; path=/`
}

/** Trackers of whatever is allowed write their cookie and storage key, as real ones would. */
function track(state: ConsentState, shape: M.Shape) {
  for (let name of M.namesOf(shape)) {
    if ((state.categories[name] ?? state.services[name]) !== true) continue
    document.cookie = `${name}_id=1; path=/`
    localStorage.setItem(`${name}_key`, '1')
  }
}

// ── the checks ───────────────────────────────────────────────────────────────────────────────
/** Every way the page differs from the model after a step (plain comparisons: this runs ~100,000 times). */
function differences(world: M.World, before: Record<string, boolean>, refused: Set<string>, named: Set<string> | 'all', changed: boolean): string[] {
  let { page, shape } = world
  let state = real!.cg.consent.get()
  let names = M.namesOf(shape)
  let problems: string[] = []
  let same = (what: string, actual: unknown, expected: unknown) => {
    if (actual !== expected) problems.push(`${what}: got ${JSON.stringify(actual)}, the model says ${JSON.stringify(expected)}`)
  }
  // The state is the model's.
  same('decided', state.decided, page.decided)
  same('method', state.method, page.method)
  for (let name of names) same(`allowed(${name})`, state.categories[name] ?? state.services[name], page.values[name])
  // 1. A refused name comes back only when the action named it.
  for (let name of names) {
    let back = refused.has(name) && !before[name] && (state.categories[name] ?? state.services[name]) === true
    if (back && named !== 'all' && !named.has(name)) problems.push(`invariant 1: ${name} was refused and came back without being named`)
  }
  // 2. Persistence is exact: a fresh page reads the same state from the cookie.
  let cookie = readCookie()
  let valid = cookie && cookie.revision === world.revision ? cookie : null
  if (state.decided && state.method !== 'gpc') {
    if (!valid) problems.push('invariant 2: a decided choice is not stored')
    else {
      for (let key of ['id', 'given', 'updated', 'method'] as const) same(`invariant 2: cookie ${key}`, valid[key], state[key])
      for (let name of names) same(`invariant 2: cookie ${name}`, valid.categories[name] ?? valid.services?.[name], state.categories[name] ?? state.services[name])
    }
  } else if (valid) problems.push('invariant 2: a choice is stored for an undecided or GPC state')
  // 3. Each gated tag ran once iff allowed at some moment on this page.
  for (let name of names) same(`invariant 3: runs of the ${name} tag`, ran.filter((n) => n === name).length, page.ever.has(name) ? 1 : 0)
  // 4. Nothing refused keeps cookies or storage.
  for (let name of names) {
    if (state.categories[name] ?? state.services[name]) continue
    if (document.cookie.split('; ').some((c) => c.startsWith(`${name}_`))) problems.push(`invariant 4: ${name} cookies left`)
    if (localStorage.getItem(`${name}_key`) !== null) problems.push(`invariant 4: ${name} storage left`)
  }
  // 5. One event per change.
  same('invariant 5: cookiegate:change events', real!.changes, changed ? 1 : 0)
  // The UI shows what the model says.
  same('banner shown', !!bannerEl(), page.view === 'banner' || (page.view === 'preferences' && !page.decided))
  same('preferences shown', !!dialogEl(), page.view === 'preferences')
  // Embeds: loaded while allowed or once loaded once; a placeholder while blocked.
  embedsOf(shape).forEach((needs, i) => {
    let loaded = shown(page, needs, i)
    same(`embed ${i} src`, document.querySelector(`video[title="Video ${i}"]`)!.getAttribute('src'), loaded ? `https://video.test/${i}.mp4` : null)
    same(`embed ${i} placeholder`, !!placeholderOf(i), !loaded)
  })
  return problems
}

/** An embed plays while what it needs is allowed (a withdrawal unloads it), or for good once "Load this once" was pressed. */
const shown = (page: M.Page, needs: string[], i: number) => page.loaded.has(i) || !!page.values[needs.at(-1)!]

const placeholderOf = (i: number) => {
  let box = document.querySelector(`video[title="Video ${i}"]`)?.previousElementSibling
  return box?.classList.contains('cg-embed') ? box : null
}

// ── the commands ─────────────────────────────────────────────────────────────────────────────
/** A step: when it applies, what it does to the model (returns changed + what it names) and to the page. */
class Step implements fc.AsyncCommand<M.World, Real> {
  constructor(
    readonly label: string,
    readonly applies: (world: M.World) => boolean,
    readonly model: (world: M.World) => { changed: boolean; named: Set<string> | 'all' },
    readonly act: (world: M.World) => Promise<void>
  ) {}
  check(world: Readonly<M.World>) {
    return this.applies(world as M.World)
  }
  async run(world: M.World) {
    let before = { ...world.page.values }
    let refused = new Set(
      M.namesOf(world.shape).filter((n) => world.page.decided && !world.page.values[n])
    )
    await this.act(world)
    let { changed, named } = this.model(world)
    // A category with services is on while one of them is: naming the service names it too.
    if (named !== 'all') for (let n of named) named.add(M.categoryOf(world.shape, n) ?? n)
    // Trackers of what is allowed now write their cookies; withdrawal must erase them.
    let state = real!.cg.consent.get()
    let problems = differences(world, before, refused, named, changed)
    if (problems.length) throw new Error(`after "${this.label}":\n  ${problems.join('\n  ')}`)
    track(state, world.shape)
    real!.changes = 0
  }
  toString() {
    return this.label
  }
}

const none = new Set<string>()
const all = 'all' as const
/** The names a choice turns on: itself, or its category's value for a service it leaves out. */
const namedBy = (world: M.World, choice: Record<string, boolean>) =>
  new Set(M.namesOf(world.shape).filter((n) => (choice[n] ?? choice[M.categoryOf(world.shape, n) ?? '']) === true))
const bannerUp = (w: M.World) => w.page.view === 'banner'
const prefsUp = (w: M.World) => w.page.view === 'preferences'
const name = fc.constantFrom('analytics', 'marketing', 'posthog', 'plausible', 'youtube')
const choice = fc.dictionary(name, fc.boolean(), { maxKeys: 4 })
const applies = (n: string) => (w: M.World) => M.namesOf(w.shape).includes(n)

const commands = [
  // Banner buttons.
  fc.constantFrom('Accept all', 'Reject all').map(
    (text) =>
      new Step(`banner: ${text}`, bannerUp, (w) => ({ changed: text === 'Accept all' ? M.acceptAll(w) : M.rejectAll(w), named: text === 'Accept all' ? all : none }), () =>
        click(button(bannerEl(), text), text)
      )
  ),
  fc.constant(
    new Step('banner: Customise', bannerUp, (w) => ((w.page.view = 'preferences'), (w.page.draft = { ...w.page.values }), { changed: false, named: none }), async () => {
      await click(button(bannerEl(), 'Customise'), 'Customise')
    })
  ),
  // The footer link.
  fc.constant(
    new Step('footer: Cookie Settings', (w) => !prefsUp(w), (w) => ((w.page.view = 'preferences'), (w.page.draft = { ...w.page.values }), { changed: false, named: none }), () =>
      click(document.querySelector('[data-cookie-settings]'), 'settings link')
    )
  ),
  // Preferences: switches, Save, Accept all, Reject all, close.
  name.map(
    (n) =>
      new Step(`preferences: switch ${n}`, (w) => prefsUp(w) && applies(n)(w), (w) => (M.toggle(w, n), { changed: false, named: none }), () =>
        click(dialogEl()?.querySelector(`#cg-cat-${n}, #cg-svc-${n}`), `switch ${n}`)
      )
  ),
  fc.constant(
    new Step('preferences: Save', prefsUp, (w) => {
      let draft = w.page.draft!
      return { changed: M.save(w, draft), named: new Set(Object.keys(draft).filter((n) => draft[n])) }
    }, () => click(button(dialogEl(), /^Save/), 'Save'))
  ),
  fc.constantFrom('Accept all', 'Reject all').map(
    (text) =>
      new Step(`preferences: ${text}`, prefsUp, (w) => ({ changed: text === 'Accept all' ? M.acceptAll(w) : M.rejectAll(w), named: text === 'Accept all' ? all : none }), () =>
        click(button(dialogEl(), text), text)
      )
  ),
  fc.constant(
    new Step('preferences: close', prefsUp, (w) => ((w.page.view = w.page.decided ? 'none' : 'banner'), (w.page.draft = null), { changed: false, named: none }), () =>
      click(dialogEl()?.querySelector('.cg-close'), 'close')
    )
  ),
  // Embed placeholders.
  fc.tuple(fc.nat(1), fc.boolean()).map(
    ([i, always]) =>
      new Step(
        `embed ${i}: ${always ? 'Always allow' : 'Load this once'}`,
        (w) => i < embedsOf(w.shape).length && !shown(w.page, embedsOf(w.shape)[i]!, i) && !prefsUp(w),
        (w) => {
          let needs = embedsOf(w.shape)[i]!
          if (!always) return w.page.loaded.add(i), { changed: false, named: none }
          let target = needs.at(-1)!
          return { changed: M.allow(w, target), named: new Set([target, ...(w.shape.optional[target] || [])]) }
        },
        () => click(button(placeholderOf(i), always ? /^Always allow/ : 'Load this once'), 'placeholder button')
      )
  ),
  // The public API.
  fc.constantFrom('acceptAll', 'rejectAll', 'reset').map(
    (method) =>
      new Step(
        `api: ${method}()`,
        () => true,
        (w) => ({
          changed: method === 'acceptAll' ? M.acceptAll(w) : method === 'rejectAll' ? M.rejectAll(w) : M.reset(w),
          named: method === 'acceptAll' ? all : none
        }),
        async () => {
          real!.cg[method]()
          await flush()
        }
      )
  ),
  choice.map(
    (c) =>
      new Step(`api: save(${JSON.stringify(c)})`, (w) => Object.keys(c).every((n) => applies(n)(w)), (w) => ({ changed: M.save(w, c), named: namedBy(w, c) }), async () => {
        real!.cg.save(c)
        await flush()
      })
  ),
  name.map(
    (n) =>
      new Step(`api: allow(${n})`, applies(n), (w) => ({ changed: M.allow(w, n), named: new Set([n, ...(w.shape.optional[n] || [])]) }), async () => {
        real!.cg.allow(n)
        await flush()
      })
  ),
  // Another tab of the site changes the cookie; this one catches up when it becomes visible.
  fc.oneof(fc.constantFrom('acceptAll', 'rejectAll', 'reset'), choice).map(
    (action) =>
      new Step(
        `other tab: ${typeof action === 'string' ? action : `save(${JSON.stringify(action)})`}`,
        (w) => typeof action === 'string' || Object.keys(action).every((n) => applies(n)(w)),
        (w) => {
          let other: M.World = { ...w, page: M.load(w) }
          if (action === 'acceptAll') M.acceptAll(other)
          else if (action === 'rejectAll') M.rejectAll(other)
          else if (action === 'reset') other.stored = null
          else M.save(other, action)
          w.stored = other.stored
          let named = action === 'acceptAll' ? all : typeof action === 'string' ? none : namedBy(w, action)
          return { changed: M.reread(w), named }
        },
        async (w) => {
          let other: M.World = { ...w, stored: w.stored && { ...w.stored }, page: M.load(w) }
          let wrote =
            action === 'acceptAll' ? M.acceptAll(other) : action === 'rejectAll' ? M.rejectAll(other) : action === 'reset' ? true : M.save(other, action)
          if (action === 'reset') document.cookie = 'cookiegate=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'
          else if (wrote) writeCookie(w, other.stored!)
          document.dispatchEvent(new Event('visibilitychange'))
          await flush()
        }
      )
  ),
  // Reload; GPC switched; a new revision of the policy.
  fc.constantFrom('reload', 'gpc on', 'gpc off', 'revision bump').map(
    (what) =>
      new Step(
        what,
        (w) => (what === 'gpc on' ? !w.gpc : what === 'gpc off' ? w.gpc : true),
        (w) => {
          w.page = M.load(w)
          return { changed: false, named: none }
        },
        async (w) => {
          if (what === 'gpc on') w.gpc = true
          if (what === 'gpc off') w.gpc = false
          if (what === 'revision bump') w.revision++
          await open(w)
        }
      )
  )
]

/** One quarter of the model-based suite (called by each consent-model-<n>.test.ts). */
export const modelSuite = (part: number) =>
  describe(`consent model, part ${part} of 4`, () => {
  afterAll(() => {
    real?.cg.destroy()
    real = undefined
  })

  test(`${RUNS.toLocaleString('en')} random sequences of every entry point keep the five invariants`, async () => {
    await loadPreferences()
    document.addEventListener('cookiegate:change', onChange)
    let started = performance.now()
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(SHAPES)), fc.boolean(), fc.commands(commands, { maxCommands: 12 }), async (shapeName, gpc, steps) => {
        // A fresh visitor: no cookie, no storage.
        for (let c of document.cookie.split('; ')) if (c) document.cookie = `${c.split('=')[0]}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`
        localStorage.clear()
        let world: M.World = { shape: SHAPES[shapeName]!, revision: 0, gpc, stored: null, page: undefined as never }
        world.page = M.load(world)
        await open(world)
        await fc.asyncModelRun(() => ({ model: world, real: real! }), steps)
      }),
      { numRuns: RUNS, verbose: 1 }
    )
    document.removeEventListener('cookiegate:change', onChange)
    console.log(`consent model: ${RUNS} sequences in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  }, 1_800_000)
})
