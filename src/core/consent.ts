import { atom } from 'nanostores'
import { resolveConfig } from './config'
import { cleanup } from './effects/cleanup'
import { emit, events } from './effects/events'
import { persist } from './effects/persist'
import { receipt, type SendReceipt } from './effects/receipt'
import { reload } from './effects/reload'
import { createGate } from './gate'
import { claimPage, holdPage, releasePage } from './live'
import { asks, closed, isOn, namesOf, next, start, type Action, type Cause, type Effect } from './model'
import { createChoiceStore, randomId } from './storage'
import { createSync } from './sync'
import { listenForSettingsLinks } from './triggers'
import type { Config, ConsentState, Cookiegate, DefaultCategory, ResolvedConfig, View } from './types'

/** Mounts a UI for an instance and returns its unmount. */
export type MountUI = (instance: Cookiegate) => () => void

/** Shows a placeholder for a gated embed that may not load yet (`placeholder` in ./embeds). */
export type ShowPlaceholder = (instance: Cookiegate, embed: HTMLElement) => void

/** What an entry point plugs into the core: the UI, embed placeholders, the receipt sender. */
export interface Parts {
  mount?: MountUI
  placeholder?: ShowPlaceholder
  receipt?: SendReceipt
}

/**
 * The headless core: validates the config, reads the stored choice, gates tags, deletes a
 * withdrawn category's cookies, and wires the settings links. No UI unless `parts.mount` is given.
 * Every change of the state goes through the consent model (./model); everything that follows
 * from a change (cookie, receipt, clean-up, gate, events, reload) is a listener on the store.
 *
 * ```js
 * const cg = createConsent({ categories: { essential: { required: true }, analytics: {} } })
 * cg.whenAllowed('analytics').then(loadAnalytics)
 * ```
 * @throws CookiegateConfigError listing every problem.
 * @throws CookiegateError where there is no DOM (server rendering): call it in the browser.
 */
export function createConsent<Category extends string = DefaultCategory, Service extends string = never>(
  input?: Config<Category, Service>,
  parts?: Parts,
  resolved?: ResolvedConfig
): Cookiegate<Category, Service>
export function createConsent(input?: Config, parts: Parts = {}, resolved?: ResolvedConfig): Cookiegate {
  claimPage()
  // `resolved`: `input` as validated before, which the script tag passes on while the page
  // still has that very config (src/iife.ts). Internal: the public entries take no such argument.
  let config = resolved || resolveConfig(input)
  let names = namesOf(config)
  let store = createChoiceStore(config)
  let gpc = () =>
    config.gpc && typeof navigator !== 'undefined' && (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true
  // A prerendered page has not been seen yet: no banner and nothing optional runs until it is
  // shown, and the choice is read then, as another tab may have changed it meanwhile.
  let prerendering = () => (document as { prerendering?: boolean }).prerendering === true

  let $consent = atom<ConsentState>(prerendering() ? closed(config) : start(config, store.read(), gpc()))
  let $view = atom<View>(!prerendering() && asks($consent.get()) ? 'banner' : 'none')
  let destroyed = false
  let cause: Cause = 'local'
  // Names whose tags ran on this page: a running script cannot be unloaded.
  let activated = new Set<string>()
  let allowed = (name: string) => names.includes(name) && isOn($consent.get(), name)

  let ask = (state: ConsentState): View => (asks(state) ? 'banner' : 'none')
  /** Runs an action through the model; `view` says what the UI shows with the new state. */
  let dispatch = (action: Action, from: Cause, view: (state: ConsentState, now: View) => View) => {
    if (destroyed) return
    let state = next(config, $consent.get(), action, { now: new Date().toISOString(), id: randomId, gpc: gpc() })
    $view.set(view(state, $view.get()))
    cause = from
    $consent.set(state)
  }
  let decide = (action: Action) => dispatch(action, 'local', () => 'none')
  let sweep = cleanup(config)
  // The stored choice may have changed in another tab, in the back/forward cache or while
  // prerendering. Open preferences stay open: the visitor is using them.
  let refresh = () => {
    if (destroyed || prerendering()) return
    dispatch({ type: 'read', stored: store.read() }, 'stored', (state, view) => (view === 'preferences' ? view : ask(state)))
    sweep($consent.get())
  }
  let sync = createSync(config.cookie.name, refresh)

  let gate = createGate(
    allowed,
    (name) => activated.add(name),
    // A microtask later: the first scan runs before `instance` exists.
    parts.placeholder && ((embed) => queueMicrotask(() => destroyed || parts.placeholder!(instance, embed)))
  )

  // In this order: the cookie is written before anything reacts, leftovers are gone before a
  // tag could run, and page code hears of the change last.
  let effects: Effect[] = [persist(store, sync), receipt(config, parts.receipt), sweep, () => gate.scan(), events]
  if (config.reloadOnWithdraw) effects.push(reload(activated))
  let unlisten = $consent.listen((state, prev) => effects.forEach((effect) => effect(state, prev as ConsentState, cause)))

  if (!prerendering()) sweep($consent.get())

  let unlinks = listenForSettingsLinks(() => instance.open())
  let unmount: (() => void) | undefined
  let unknown = (method: string, name: string) =>
    names.includes(name) || console.error(`Cookiegate: ${method}() got an unknown category or service "${name}"`)

  let instance: Cookiegate = {
    consent: $consent,
    view: $view,
    config,
    allowed,
    acceptAll: () => decide({ type: 'accept-all' }),
    rejectAll: () => decide({ type: 'reject-all' }),
    save(choice) {
      let bad = Object.keys(choice || {}).filter((name) => !names.includes(name))
      if (bad.length) console.error(`Cookiegate: save() got unknown categories or services: ${bad.join(', ')}`)
      decide({ type: 'save', choice: { ...choice } as Record<string, boolean> })
    },
    allow(name) {
      unknown('allow', name)
      decide({ type: 'allow', name })
    },
    open: () => destroyed || $view.set('preferences'),
    close: () => destroyed || $view.set(ask($consent.get())),
    onChange: (listener) => $consent.listen((state) => listener(state)),
    whenAllowed(name) {
      unknown('whenAllowed', name)
      return new Promise<void>((resolve) => {
        if (allowed(name)) return resolve()
        let stop = $consent.listen(() => {
          if (allowed(name)) {
            stop()
            resolve()
          }
        })
      })
    },
    reset: () => dispatch({ type: 'reset' }, 'local', ask),
    destroy() {
      if (destroyed) return
      destroyed = true
      releasePage(instance)
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
  holdPage(instance)
  if (parts.mount) unmount = parts.mount(instance)
  // A microtask later, so the script-tag entry has set `window.Cookiegate` and an ESM caller
  // has had the chance to add its listener.
  queueMicrotask(() => {
    if (!destroyed) emit('cookiegate:ready', $consent.get())
  })
  return instance
}
