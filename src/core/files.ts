/**
 * Names of the script-tag build's lazily imported files, shared by the loader (src/lazy-iife.ts)
 * and the server's `preloadLinks`: a `<link rel="modulepreload">` is only reused when its URL is
 * exactly the one the loader imports, so both build it here.
 */

/** The banner and preferences UI, imported on first need. */
export const UI_FILE = 'cookiegate-ui.js'

/** A file's URL relative to cookiegate.js; the version keeps a cached file of an older release away from a newer loader. */
export const versioned = (file: string): string => `${file}?v=${__VERSION__}`
