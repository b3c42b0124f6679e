/** What the vendor integrations (Clarity, Meta Pixel, UET) share: a consent watch, a script tag, a guard. */
import type { Cookiegate } from '../core/types'
import { claim, type VendorSpec } from './vendor-config'

/**
 * Calls `change(on)`, guarded, with whether `name` (a category or a service) is allowed: now, and
 * on every change of it. Returns the unsubscribe.
 *
 * With `spec`, withdrawing `name` also deletes the vendor's cookies and storage keys, even when
 * the config has no `integrations` section (npm). Cookiegate erases them before its listeners
 * run, and a vendor that has been told to stop does not write them back. A vendor that ran on
 * this page cannot be unloaded: with `reloadOnWithdraw` the page reloads once it was told.
 */
export function watch(cg: Cookiegate, vendor: string, name: string, change: (on: boolean) => void, spec?: VendorSpec): () => void {
  let was: boolean | undefined
  if (spec) claim(cg.config.categories, name, spec)
  return cg.consent.subscribe(() => {
    let on = cg.allowed(name)
    if (on === was) return
    let ran = was
    was = on
    guard(vendor, () => change(on))
    if (spec && ran && cg.config.reloadOnWithdraw) location.reload()
  })
}

/** Runs `fn`, logging instead of throwing: a vendor error must never break the host page. */
export function guard(vendor: string, fn: () => void): void {
  try {
    fn()
  } catch (error) {
    console.error(`Cookiegate: ${vendor}`, error)
  }
}

/** Appends an async `<script src>` to the head. */
export function addScript(src: string): HTMLScriptElement {
  let script = document.createElement('script')
  script.async = true
  script.src = src
  document.head.append(script)
  return script
}
