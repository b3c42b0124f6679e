/**
 * The script-tag build's src/core/lazy.ts (swapped in by vite.config.ts): each part is a file
 * beside cookiegate.js, fetched on first need.
 */
import { loadError } from './core/load-error'
import type { ConsentState, ResolvedConfig } from './core/types'

// `currentScript` is only set while this file first runs.
const base = (document.currentScript as HTMLScriptElement | null)?.src || location.href

/** Imports `file` from beside cookiegate.js; the version in the URL keeps a cached file from an older release away from a newer loader. */
export const load = (file: string) => import(/* @vite-ignore */ new URL(`${file}?v=${__VERSION__}`, base).href)

/**
 * Imports the preferences chunk by the URL cookiegate-ui.js itself uses for it (hashed, so no
 * version query): the same module, fetched alongside the UI instead of after it.
 */
export const loadPreferences = () => import(/* @vite-ignore */ new URL(__PREFERENCES__, base).href)

/** `load`, logging a failure instead of passing it on. */
export const loadOr = (file: string) =>
  load(file).catch((error) => {
    console.error(loadError(file, error), error)
  })

export const receipt = (config: ResolvedConfig, state: ConsentState): void => {
  // The page of the choice, even if the visitor moves on while the file loads.
  let page = location.origin + location.pathname
  loadOr('cookiegate-receipts.js').then((m) => m?.sendChoice(config, state, page))
}
