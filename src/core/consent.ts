import { atom } from 'nanostores'
import { resolveConfig } from './config'
import { eraseCookies, eraseStorage } from './erase'
import { createGate } from './gate'
import { claimPage, holdPage, needPage, releasePage } from './live'
import { asks, closed, isOn, isRecorded, namesOf, next, start, type Action, type Cause } from './model'
import { createChoiceStore, randomId } from './storage'
import { createSync } from './sync'
import { listenForSettingsLinks } from './triggers'
import type { Config, ConsentState, Cookiegate, DefaultCategory, ResolvedConfig, View } from './types'

/**
 * Sends the proof-of-consent receipt of a choice just stored (`receipts.url` is set); a promise
 * while its code is still loading, settled once the receipt has been handed to the browser.
 */
export type SendReceipt = (config: ResolvedConfig, state: ConsentState) => Promise<unknown> | void

const emit = (type: 'cookiegate:ready' | 'cookiegate:change', detail: ConsentState) => document.dispatchEvent(new CustomEvent(type, { detail }))

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
 * from a change (cookie, receipt, clean-up, gate, events, reload) is one listener on the store.
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
  parts?: Parts
): Cookiegate<Category, Service>
export function createConsent(input?: Config, parts: Parts = {}): Cookiegate {
  needPage()
  return createChecked(() => resolveConfig(input), parts)
}

/**
 * `createConsent` with the config check given: `check` returns the resolved config or throws.
 * The script tag checks with `checkConfig`, whose problems it words only when there are any.
 */
export function createChecked(check: () => ResolvedConfig, parts: Parts = {}): Cookiegate {
  claimPage()
  let config = check()
  let names = namesOf(config)
  let store = createChoiceStore(config)
  let gpc = () => config.gpc && (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true
  // A prerendered page has not been seen yet: no banner and nothing optional runs until it is
  // shown, and the choice is read then, as another tab may have changed it meanwhile.
  let prerendering = () => (document as { prerendering?: boolean }).prerendering === true

  let $consent = atom<ConsentState>(prerendering() ? closed(config) : start(config, store.read(), gpc()))
  let ask = (state = $consent.get()): View => (asks(state) ? 'banner' : 'none')
  let $view = atom<View>(prerendering() ? 'none' : ask())
  let destroyed = false
  let cause: Cause = 'local'
  // Names whose tags ran on this page: a running script cannot be unloaded.
  let activated = new Set<string>()
  // Every state comes from the model, which knows only the configured names.
  let allowed = (name: string) => isOn($consent.get(), name)

  /** Runs an action through the model; `view` says what the UI shows with the new state. */
  let dispatch = (action: Action, view: (state: ConsentState, now: View) => View = () => 'none', from: Cause = 'local') => {
    if (destroyed) return
    let state = next(config, $consent.get(), action, { now: new Date().toISOString(), id: randomId, gpc: gpc() })
    $view.set(view(state, $view.get()))
    cause = from
    $consent.set(state)
  }
  let optional = config.categories.filter((c) => !c.required)
  let items = [...optional, ...optional.flatMap((c) => c.services)]
  // Deletes the cookies and storage keys of every optional category and service that is not
  // allowed. One path for all of it: at start-up (leftovers of an expired or withdrawn choice, a
  // tag that ran before Cookiegate was added), on every change (a withdrawal) and when the stored
  // choice is read again.
  let sweep = (state: ConsentState) => {
    let off = items.filter((item) => !isOn(state, item.name))
    eraseCookies(off.flatMap((item) => item.cookies))
    eraseStorage(off.flatMap((item) => item.storage))
  }
  // The stored choice may have changed in another tab, in the back/forward cache or while
  // prerendering. Open preferences stay open: the visitor is using them.
  let refresh = () => {
    if (destroyed || prerendering()) return
    dispatch({ type: 'read', stored: store.read() }, (state, view) => (view === 'preferences' ? view : ask(state)), 'stored')
    sweep($consent.get())
  }
  let sync = createSync(config.cookie.name, refresh)
  // Start-up clean-up, before the gate below runs the first allowed tag: no tag may find what a
  // refused category left behind.
  if (!prerendering()) sweep($consent.get())

  let gate = createGate(
    allowed,
    (name) => activated.add(name),
    // A microtask later: the first scan runs before `instance` exists.
    parts.placeholder && ((embed) => queueMicrotask(() => destroyed || parts.placeholder!(instance, embed))),
    // A tag already on its way when its category was withdrawn has run since: delete again.
    () => destroyed || sweep($consent.get())
  )

  // Everything that follows from a change, in this order: the cookie is written before anything
  // reacts, leftovers are gone before a tag could run, and page code hears of the change last.
  let unlisten = $consent.listen((state, prev) => {
    // A choice made on this page is stored (and receipted once: another tab's choice was
    // receipted there), a reset clears it, and the other tabs are told. A state read from the
    // cookie is not written back.
    let receipted: Promise<unknown> | void = undefined
    if (cause === 'local') {
      if (isRecorded(state)) {
        store.write(state)
        if (config.receipts) receipted = parts.receipt?.(config, state)
      } else store.clear()
      sync.notify()
    }
    sweep(state)
    gate.scan()
    emit('cookiegate:change', state)
    // `reloadOnWithdraw`: a withdrawal of something whose tags ran on this page reloads it (the
    // reloaded page runs none of them), once the withdrawal's receipt is on its way: a reload
    // would cancel the receipt file still loading. At most a second: the withdrawn tags run on
    // until then.
    if (config.reloadOnWithdraw)
      for (let name of activated)
        if (isOn(prev!, name) && !isOn(state, name))
          return void Promise.race([receipted, new Promise((done) => setTimeout(done, 1000))]).then(() => location.reload())
  })

  let unlinks = listenForSettingsLinks(() => instance.open())
  let unmount: (() => void) | undefined
  let unknown = (method: string, name: string) =>
    names.includes(name) || console.error(`Cookiegate: ${method}() got an unknown category or service "${name}"`)

  let instance: Cookiegate = {
    consent: $consent,
    view: $view,
    config,
    allowed,
    acceptAll: () => dispatch({ type: 'accept-all' }),
    rejectAll: () => dispatch({ type: 'reject-all' }),
    save(choice) {
      // Anything but `name: true` refuses that name, so bad input fails closed; it is named, by
      // type only (no value, a BigInt or a cycle, can make the message throw).
      let object = !!choice && typeof choice == 'object' && !Array.isArray(choice)
      let bad = object
        ? Object.entries(choice).flatMap(([name, on]) =>
            !names.includes(name) ? [`${name} (unknown)`] : typeof on != 'boolean' ? [`${name}: ${typeof on}`] : []
          )
        : [choice === null ? 'null' : Array.isArray(choice) ? 'an array' : typeof choice]
      if (bad.length) console.error(`Cookiegate: save() takes { name: true | false }, not ${bad.join(', ')}`)
      dispatch({ type: 'save', choice: (object ? { ...choice } : {}) as Record<string, boolean> })
    },
    allow(name) {
      unknown('allow', name)
      dispatch({ type: 'allow', name })
    },
    open: () => destroyed || $view.set('preferences'),
    close: () => destroyed || $view.set(ask()),
    // Not a function: named now, rather than a TypeError on the visitor's next click. A listener
    // that throws is reported as uncaught, as a DOM event listener's error is, instead of being
    // re-thrown (by nanostores, after the other listeners) into whoever made the change: the
    // visitor's click, or page code calling acceptAll() that has nothing to do with that listener.
    onChange: (listener) =>
      typeof listener == 'function'
        ? $consent.listen((state) => {
            try {
              listener(state)
            } catch (error) {
              setTimeout(() => {
                throw error
              })
            }
          })
        : (console.error('Cookiegate: onChange() takes a function'), () => {}),
    whenAllowed(name) {
      unknown('whenAllowed', name)
      return new Promise<void>((resolve) => {
        if (allowed(name)) return resolve()
        let stop = $consent.listen(() => allowed(name) && (stop(), resolve()))
      })
    },
    reset: () => dispatch({ type: 'reset' }, ask),
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
  queueMicrotask(() => destroyed || emit('cookiegate:ready', $consent.get()))
  return instance
}
