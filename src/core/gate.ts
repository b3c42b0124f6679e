/**
 * Activates gated markup once its category is allowed:
 * `<script type="text/plain" data-category>` (or `data-service`) runs as a real script, at most once, in document
 * order: external ones are fetched side by side and run in turn, and an inline one waits until every
 * external one before it has loaded or failed;
 * `iframe`/`img`/`video`/`audio` with `data-src` get their `src`, and a frame, video or audio
 * whose category is withdrawn loses it again.
 */
export interface Gate {
  /** Looks at the whole document again, e.g. after consent changed. */
  scan(): void
  destroy(): void
}

const SELECTOR = '[data-category],[data-service]'

/** What an element needs allowed: its category and, with `data-service`, that service too. */
const needsOf = (el: Element) => [el.getAttribute('data-category'), el.getAttribute('data-service')].filter((n): n is string => !!n)

/** Gives gated media its `src`/`srcset` (and `<source>` children theirs); false when it has none. */
export function activateMedia(el: Element): boolean {
  let src = el.getAttribute('data-src')
  // <video>/<audio> may carry their sources as <source data-src> children instead.
  let sources = el.querySelectorAll('source[data-src]')
  if (src === null && !sources.length) return false
  sources.forEach((source) => source.setAttribute('src', source.getAttribute('data-src')!))
  if (src) el.setAttribute('src', src)
  let srcset = el.getAttribute('data-srcset')
  if (srcset) el.setAttribute('srcset', srcset)
  if (el instanceof HTMLMediaElement && !src) el.load()
  return true
}

/** Takes back what `activateMedia` gave, in place (a framework may own the element): a frame's page stops, a video stops streaming. */
function deactivateMedia(el: Element): void {
  for (let node of [el, ...el.querySelectorAll('source')]) {
    node.removeAttribute('src')
    node.removeAttribute('srcset')
  }
  if (el instanceof HTMLMediaElement) el.load()
}

/**
 * `onBlocked` hears of every gated `iframe`/`video` that may not load yet (on each scan), so a
 * placeholder can stand in for it. `onLate` hears of an external script that was already on its
 * way when its category was withdrawn, and has run since (nothing can stop a script once
 * inserted), so what it set can be deleted again.
 */
export function createGate(
  allowed: (name: string) => boolean,
  onActivate: (name: string) => void,
  onBlocked?: (el: HTMLElement) => void,
  onLate?: () => void
): Gate {
  // Elements already handled, gated originals and the scripts that replaced them alike.
  let seen = new WeakSet<Element>()
  // Frames and media this gate gave a source.
  let loaded = new WeakSet<Element>()
  let queue: HTMLScriptElement[] = []
  // External scripts inserted that have not loaded or failed yet.
  let pending = 0
  let stopped = false
  let started = false

  let pump = () => {
    let original: HTMLScriptElement | undefined
    // An inline script runs as it is inserted, so it waits for the external ones before it.
    while (!stopped && (original = queue[0]) && !(pending && !original.src)) {
      queue.shift()
      // An SPA may remove a gated tag before its turn comes: then it never runs.
      if (!original.isConnected) continue
      // Withdrawn while it waited for an earlier tag: it does not run, until allowed again.
      let needs = needsOf(original)
      if (!needs.every(allowed)) {
        seen.delete(original)
        continue
      }
      needs.forEach(onActivate)
      let script = document.createElement('script')
      for (let { name, value } of original.attributes) {
        if (name !== 'type' && name !== 'data-type') script.setAttribute(name, value)
      }
      let type = original.getAttribute('data-type')
      if (type) script.type = type
      // The nonce content attribute is hidden from the DOM once parsed (HTML "nonce hiding"); copy the property.
      if (original.nonce) script.nonce = original.nonce
      script.text = original.text
      seen.add(script)
      if (script.src) {
        pending++
        // Dynamic scripts are async by default. Without `async` they are fetched at once, side by
        // side, and run in the order inserted (HTML's "in order as soon as possible"): a second
        // tag does not wait a whole round trip for the first, as a one-by-one chain would. A tag
        // written with `async` asked not to keep its place.
        if (!original.hasAttribute('async')) script.async = false
        script.onload = script.onerror = () => {
          script.onload = script.onerror = null
          pending--
          if (!needs.every(allowed)) onLate?.()
          pump()
        }
      }
      original.replaceWith(script)
    }
  }

  let consider = (el: Element): void => {
    // `data-service` narrows a tag to one service: then the category (if named) and the service must both be allowed.
    let needs = needsOf(el)
    // Withdrawn: a frame's page (a player, a map) would go on running and a video on streaming, so
    // they lose their source and are then blocked like any other (an image has nothing left to do).
    if (loaded.has(el) && !needs.every(allowed) && /^(IFRAME|VIDEO|AUDIO)$/.test(el.tagName)) {
      deactivateMedia(el)
      loaded.delete(el)
      seen.delete(el)
    }
    if (seen.has(el) || !needs.length) return
    let script = el instanceof HTMLScriptElement
    // Only `text/plain` scripts are gated. Any other one with the attribute was rendered by a
    // server that read an allowed choice (README "Server"): it has run, so a withdrawal must know
    // of it (`reloadOnWithdraw`).
    let ran = script && (el as HTMLScriptElement).type.toLowerCase() !== 'text/plain'
    if (!ran) {
      if (!needs.every(allowed)) {
        if (onBlocked && /^(IFRAME|VIDEO)$/.test(el.tagName)) onBlocked(el as HTMLElement)
        return
      }
      // A script is noted as activated when its turn comes (pump).
      if (script) return void (seen.add(el), queue.push(el as HTMLScriptElement))
      if (!activateMedia(el)) return
      loaded.add(el)
    }
    seen.add(el)
    needs.forEach(onActivate)
  }

  let scanIn = (root: ParentNode) => {
    if (root instanceof Element) consider(root)
    root.querySelectorAll(SELECTOR).forEach(consider)
    pump()
  }

  // Gated tags added later (SPA routes, late parser output) are handled as they arrive.
  let observer = new MutationObserver((records) =>
    records.forEach((record) => record.addedNodes.forEach((node) => node instanceof Element && scanIn(node)))
  )
  // Called once: by DOMContentLoaded, whose listener destroy() removes, or right away.
  let start = () => {
    started = true
    observer.observe(document.documentElement, { childList: true, subtree: true })
    scanIn(document)
  }
  // Before the DOM is parsed a gated tag may still be half-written; wait for it.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
  else start()

  return {
    scan() {
      if (started) scanIn(document)
    },
    destroy() {
      stopped = true
      observer.disconnect()
      document.removeEventListener('DOMContentLoaded', start)
      queue = []
    }
  }
}
