/**
 * Page hygiene: the script tag adds one global, patches no built-in, and `destroy()` leaves no
 * listener, observer, channel or node behind.
 */
import { beforeEach, describe, expect, test } from 'vitest'
import { FOOTER, html, useHarness, type Harness } from './harness'

const harness = useHarness()
let h: Harness
beforeEach(() => {
  h = harness()
})


/**
 * Runs before the page: counts live event listeners, observed MutationObservers and open
 * BroadcastChannels, then snapshots the globals and every built-in prototype, after its own
 * wrappers are in place, so only what Cookiegate does shows up.
 */
const PROBE = `(() => {
  // Only what Cookiegate's own files register counts (Playwright adds listeners of its own).
  let ours = () => /\\/cookiegate(-ui)?\\.js/.test(new Error().stack)
  let listeners = new Map()
  let key = (type, fn, options) => type + '|' + (typeof options === 'boolean' ? options : !!(options && options.capture))
  let add = EventTarget.prototype.addEventListener
  let remove = EventTarget.prototype.removeEventListener
  EventTarget.prototype.addEventListener = function (type, fn, options) {
    if (fn && ours()) {
      let list = listeners.get(this) || new Map()
      listeners.set(this, list)
      if (!list.has(fn)) list.set(fn, new Set())
      list.get(fn).add(key(type, fn, options) + (options && options.once ? '|once' : ''))
    }
    return add.call(this, type, fn, options)
  }
  EventTarget.prototype.removeEventListener = function (type, fn, options) {
    let set = listeners.get(this)?.get(fn)
    if (set) { set.delete(key(type, fn, options)); set.delete(key(type, fn, options) + '|once') }
    return remove.call(this, type, fn, options)
  }
  let observing = new Set()
  let observe = MutationObserver.prototype.observe
  let disconnect = MutationObserver.prototype.disconnect
  MutationObserver.prototype.observe = function (...args) { if (ours()) observing.add(this); return observe.apply(this, args) }
  MutationObserver.prototype.disconnect = function () { observing.delete(this); return disconnect.call(this) }
  let channels = new Set()
  let close = BroadcastChannel.prototype.close
  let Channel = BroadcastChannel
  let Counted = function (name) { let c = new Channel(name); if (ours()) channels.add(c); return c }
  Counted.prototype = Channel.prototype
  BroadcastChannel.prototype.close = function () { channels.delete(this); return close.call(this) }
  window.BroadcastChannel = Counted

  let protos = [Object, Object.prototype, Array.prototype, Function.prototype, String.prototype, Promise.prototype, Map.prototype, Set.prototype,
    WeakSet.prototype, Date.prototype, JSON, Math, Reflect, EventTarget.prototype, Node.prototype, Element.prototype, HTMLElement.prototype,
    Document.prototype, HTMLDocument.prototype, HTMLScriptElement.prototype, HTMLDialogElement.prototype, HTMLIFrameElement.prototype,
    HTMLImageElement.prototype, Window.prototype, History.prototype, Storage.prototype, Navigator.prototype, CSSStyleSheet.prototype,
    MutationObserver.prototype, BroadcastChannel.prototype, CustomEvent.prototype, Event.prototype, URL.prototype, Crypto.prototype]
  let snapshot = () => protos.map((p) => Reflect.ownKeys(p).map((k) => {
    let d = Object.getOwnPropertyDescriptor(p, k)
    return [k, d.value, d.get, d.set]
  }))
  let before = snapshot()
  let globals = new Set(Object.getOwnPropertyNames(window))
  window[Symbol.for('probe')] = {
    newGlobals: () => Object.getOwnPropertyNames(window).filter((n) => !globals.has(n)),
    patched: () => {
      let now = snapshot()
      let out = []
      before.forEach((props, i) => {
        if (props.length !== now[i].length) out.push(i + ': ' + props.length + ' → ' + now[i].length + ' keys')
        props.forEach(([k, ...v], j) => {
          let n = now[i][j]
          if (!n || n[0] !== k || v.some((x, m) => x !== n[m + 1])) out.push(i + ': ' + String(k))
        })
      })
      return out
    },
    live: () => {
      let out = []
      let spent = (entry) => entry.endsWith('|once') && document.readyState === 'complete' && /^(DOMContentLoaded|load)\\|/.test(entry)
      for (let [target, list] of listeners) {
        let attached = target === window || target === document || (target instanceof Node && target.isConnected)
        if (!attached) continue
        for (let [fn, set] of list) for (let entry of set) if (!spent(entry)) out.push((target.nodeName || 'window') + ' ' + entry + ' ' + String(fn).slice(0, 60))
      }
      return { listeners: out, observers: observing.size, channels: channels.size }
    }
  }
})()`

describe('page hygiene (Chromium)', () => {
  test('the script tag adds only window.Cookiegate and patches no built-in prototype', async () => {
    let p = await h.page(html(FOOTER), { init: PROBE })
    let banner = p.page.getByRole('region', { name: 'Cookies on this site' })
    await banner.waitFor({ state: 'visible' })
    await p.page.getByRole('link', { name: 'Cookie Settings' }).click()
    await p.page.getByRole('dialog', { name: 'Cookie settings' }).getByRole('button', { name: 'Accept all' }).click()
    await banner.waitFor({ state: 'detached' })
    let probe = await p.page.evaluate(() => {
      let probe = (window as any)[Symbol.for('probe')]
      return { globals: probe.newGlobals(), patched: probe.patched() }
    })
    expect(probe).toEqual({ globals: ['Cookiegate'], patched: [] })
    p.assertClean()
  })

  test('destroy() leaves no listener, observer, channel, stylesheet or node behind', async () => {
    let p = await h.page(
      html(FOOTER + '<script>window[Symbol.for("body")] = document.body.innerHTML</script>'),
      { init: PROBE }
    )
    await p.page.getByRole('region', { name: 'Cookies on this site' }).waitFor({ state: 'visible' })
    await p.page.getByRole('button', { name: 'Customise' }).click()
    await p.page.getByRole('dialog', { name: 'Cookie settings' }).waitFor({ state: 'visible' })
    let during = await p.page.evaluate(() => (window as any)[Symbol.for('probe')].live())
    // While running: listeners, the gate's observer and the cross-tab channel are live.
    expect(during.listeners.length).toBeGreaterThan(0)
    expect(during.observers).toBeGreaterThan(0)
    expect(during.channels).toBe(1)

    let after = await p.page.evaluate(() => {
      ;(window as any).Cookiegate.destroy()
      return {
        ...(window as any)[Symbol.for('probe')].live(),
        // The snapshot was taken while the parser was still inside <body>, before its last newline.
        body: document.body.innerHTML.trim() === (window as any)[Symbol.for('body')].trim(),
        sheets: document.adoptedStyleSheets.length + document.querySelectorAll('style').length
      }
    })
    expect(after).toEqual({ listeners: [], observers: 0, channels: 0, body: true, sheets: 0 })
    // The settings link is plain again.
    await p.page.getByRole('link', { name: 'Cookie Settings' }).click()
    expect(await p.page.getByRole('dialog').count()).toBe(0)
    p.assertClean()
  })
})
