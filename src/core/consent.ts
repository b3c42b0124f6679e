import { atom } from 'nanostores'
import { resolveConfig } from './config'
import { eraseCookies, eraseStorage } from './erase'
import { createGate } from './gate'
import { createChoiceStore, randomId } from './storage'
import { createSync } from './sync'
import { listenForSettingsLinks } from './triggers'
import type { Config, ConsentMethod, ConsentState, Cookiegate, ResolvedConfig, View } from './types'

/** Mounts a UI for an instance and returns its unmount. */
export type MountUI = (instance: Cookiegate) => () => void

/** Shows a placeholder for a gated embed that may not load yet (`placeholder` in src/embeds/placeholder.ts). */
export type ShowPlaceholder = (instance: Cookiegate, embed: HTMLElement) => void

/**
 * What an entry point plugs into the core: the UI, the embed placeholders, the receipt sender.
 * Each entry bundles them or fetches them on first need; the core never imports them itself.
 */
export interface Parts {
  mount?: MountUI
  placeholder?: ShowPlaceholder
  /** Sends the proof-of-consent receipt for a choice just stored (`receipts.url` is set). */
  receipt?: (config: ResolvedConfig, state: ConsentState) => void
}

const emit = (type: string, detail: ConsentState) => {
  document.dispatchEvent(new CustomEvent(type, { detail }))
}

/**
 * The headless core: validates the config, reads the stored choice, gates tags, deletes a
 * withdrawn category's cookies, and wires the settings links. No UI unless `parts.mount` is given.
 *
 * ```js
 * const cg = createConsent({ categories: { essential: { required: true }, analytics: {} } })
 * cg.whenAllowed('analytics').then(loadAnalytics)
 * ```
 * @throws CookiegateConfigError listing every problem.
 */
export function createConsent(input?: Config, parts: Parts = {}): Cookiegate {
  let { mount, placeholder: showPlaceholder, receipt } = parts
  let config: ResolvedConfig = resolveConfig(input)
  let services = config.categories.flatMap((c) => c.services)
  let names = [...config.categories.map((c) => c.name), ...services.map((s) => s.name)]
  // What withdrawal cleans up: optional categories and their services.
  let optional = config.categories.filter((c) => !c.required)
  let erasable = [...optional, ...optional.flatMap((c) => c.services)]
  let store = createChoiceStore(config)

  // `pick(service, category)` decides a service; a category with services is on when one of them is.
  let build = (
    pick: (name: string, category?: string) => boolean,
    rest: Pick<ConsentState, 'decided' | 'id' | 'given' | 'updated' | 'method'>
  ): ConsentState => {
    let categories: Record<string, boolean> = {}
    let chosen: Record<string, boolean> = {}
    for (let { name, required, services: list } of config.categories) {
      for (let s of list) chosen[s.name] = required || pick(s.name, name)
      categories[name] = required || (list.length ? list.some((s) => chosen[s.name]) : pick(name))
    }
    // Frozen, so a listener cannot change what every other listener sees.
    return Object.freeze({ ...rest, categories: Object.freeze(categories), services: Object.freeze(chosen), revision: config.revision })
  }
  let gpc = () =>
    config.gpc && typeof navigator !== 'undefined' && (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true
  let undecided = (decided = false) =>
    build(() => false, { decided, id: null, given: null, updated: null, method: decided ? 'gpc' : null })
  // Without a stored choice: refuse everything optional, silently under GPC, else ask.
  let initial = (): ConsentState => {
    let stored = store.read()
    return stored ? build((name) => (stored.categories[name] ?? stored.services[name]) === true, stored) : undecided(gpc())
  }
  // A prerendered page has not been seen yet: no banner and nothing optional runs until it is
  // shown, and the choice is read then, as another tab may have changed it meanwhile.
  let prerendering = () => (document as { prerendering?: boolean }).prerendering === true

  let $consent = atom<ConsentState>(prerendering() ? undecided() : initial())
  let $view = atom<View>($consent.get().decided || prerendering() ? 'none' : 'banner')
  let destroyed = false
  // Categories whose tags ran on this page: a running script cannot be unloaded.
  let activated = new Set<string>()

  let on = (state: ConsentState, name: string) => (state.categories[name] ?? state.services[name]) === true
  let allowed = (name: string) => names.includes(name) && on($consent.get(), name)

  let erase = (item: { cookies: string[]; storage: string[] }) => {
    eraseCookies(item.cookies)
    eraseStorage(item.storage)
  }
  let sweep = () => erasable.filter((item) => !allowed(item.name)).forEach(erase)
  let same = (a: ConsentState, b: ConsentState) =>
    a.decided === b.decided && a.method === b.method && a.id === b.id && a.updated === b.updated &&
    names.every((name) => on(a, name) === on(b, name))
  // The stored choice may have changed in another tab, in the back/forward cache or while
  // prerendering; the new state runs through the same listener (gating, withdrawal clean-up).
  let refresh = () => {
    if (destroyed || prerendering()) return
    let state = initial()
    if (!same(state, $consent.get())) $consent.set(state)
    // Open preferences stay open: the visitor is using them.
    if ($view.get() !== 'preferences') $view.set(state.decided ? 'none' : 'banner')
    sweep()
  }
  let sync = createSync(config.cookie.name, refresh)

  let decide = (pick: (name: string, category?: string) => boolean, method: ConsentMethod) => {
    if (destroyed) return
    let now = new Date().toISOString()
    let prev = $consent.get()
    // One consent id per visitor and revision, so proof of consent follows every change.
    let next = build(pick, { decided: true, id: prev.id || randomId(), given: prev.given || now, updated: now, method })
    store.write(next)
    if (config.receipts) receipt?.(config, next)
    $view.set('none')
    $consent.set(next)
    sync.notify()
  }

  let gate = createGate(
    allowed,
    (category) => activated.add(category),
    // A microtask later: the first scan runs before `instance` exists.
    showPlaceholder && ((embed) => queueMicrotask(() => destroyed || showPlaceholder(instance, embed)))
  )

  let previous = $consent.get()
  let unlisten = $consent.listen((state) => {
    let before = previous
    previous = state
    let withdrawn = erasable.filter((c) => on(before, c.name) && !on(state, c.name))
    withdrawn.forEach(erase)
    gate.scan()
    emit('cookiegate:change', state)
    if (config.reloadOnWithdraw && withdrawn.some((c) => activated.has(c.name))) location.reload()
  })

  // Leftovers of a category that is not allowed (an expired or withdrawn choice, a tag that
  // ran before Cookiegate was added) are deleted at start-up too.
  if (!prerendering()) sweep()

  let unlinks = listenForSettingsLinks(() => instance.open())
  let unmount: (() => void) | undefined

  let instance: Cookiegate = {
    consent: $consent,
    view: $view,
    config,
    allowed,
    acceptAll: () => decide(() => true, 'accept-all'),
    rejectAll: () => decide(() => false, 'reject-all'),
    save(choice) {
      let unknown = Object.keys(choice || {}).filter((name) => !names.includes(name))
      if (unknown.length) console.error(`Cookiegate: save() got unknown categories or services: ${unknown.join(', ')}`)
      // A named service wins over its category's value.
      decide((name, category) => !!choice && (choice[name] ?? (category && choice[category])) === true, 'custom')
    },
    open() {
      if (!destroyed) $view.set('preferences')
    },
    close() {
      if (!destroyed) $view.set($consent.get().decided ? 'none' : 'banner')
    },
    onChange: (listener) => $consent.listen((state) => listener(state)),
    whenAllowed(category) {
      if (!names.includes(category)) console.error(`Cookiegate: whenAllowed() got an unknown category or service "${category}"`)
      return new Promise<void>((resolve) => {
        if (allowed(category)) return resolve()
        let stop = $consent.listen(() => {
          if (allowed(category)) {
            stop()
            resolve()
          }
        })
      })
    },
    reset() {
      if (destroyed) return
      store.clear()
      let state = initial()
      $view.set(state.decided ? 'none' : 'banner')
      $consent.set(state)
      sync.notify()
    },
    destroy() {
      if (destroyed) return
      destroyed = true
      unmount?.()
      unlisten()
      unlinks()
      sync.destroy()
      gate.destroy()
      $view.set('none')
      // Listeners added through onChange()/whenAllowed() go too: nothing of ours keeps running.
      $consent.off()
      $view.off()
    }
  }
  if (mount) unmount = mount(instance)
  // A microtask later, so the script-tag entry has set `window.Cookiegate` and an ESM caller
  // has had the chance to add its listener.
  queueMicrotask(() => {
    if (!destroyed) emit('cookiegate:ready', $consent.get())
  })
  return instance
}
