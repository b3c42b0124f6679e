/**
 * How the script-tag file (src/iife.ts) gets the parts it does not carry: each is a file beside
 * cookiegate.js, named by ./files, imported on first need.
 */
import { loadError } from './core/load-error'
import type { ConsentState, ResolvedConfig } from './core/types'
import { fileName, type Part } from './files'

// `currentScript` is only set while this file first runs.
const base = (document.currentScript as HTMLScriptElement | null)?.src || location.href

/** Imports a part from beside cookiegate.js, by the same URL its sibling files use for it. */
export const load = (part: Part) => import(/* @vite-ignore */ new URL(fileName(part, __VERSION__), base).href)

/** `load`, logging a failure instead of passing it on. */
export const loadOr = (part: Part) =>
  load(part).catch((error) => {
    console.error(loadError(fileName(part, __VERSION__), error), error)
  })

/**
 * Sends the proof-of-consent receipt of a choice with the code of cookiegate-receipts-<version>.js;
 * settles once it is sent (or the file failed), which a withdrawal's reload waits for.
 */
export const receipt = (config: ResolvedConfig, state: ConsentState): Promise<void> => {
  // The page of the choice, even if the visitor moves on while the file loads.
  let page = location.origin + location.pathname
  return loadOr('receipts').then((m) => m?.sendChoice(config, state, page))
}
