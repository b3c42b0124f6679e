/**
 * Script-tag entry (`dist/cookiegate.js`): reads the config once the DOM is parsed, creates the
 * instance and exposes it as `window.Cookiegate`. The only module that touches globals.
 */
import { atom } from 'nanostores'
import { resolveConfig } from './core/config'
import { createConsent } from './core/consent'
import { lazyMount } from './core/lazy-mount'
import type { ConsentState, Cookiegate } from './core/types'

declare global {
  interface Window {
    Cookiegate?: Cookiegate
    cookiegateConfig?: unknown
  }
}

// The UI lives beside this file; `currentScript` is only set while this file first runs.
const base = (document.currentScript as HTMLScriptElement | null)?.src || location.href
// The version in the URL keeps a cached UI from an older release away from a newer loader.
const loadUI = () => import(/* @vite-ignore */ new URL(`cookiegate-ui.js?v=${__VERSION__}`, base).href)

/** Config from `<script type="application/json" id="cookiegate-config">`, else `window.cookiegateConfig`, else defaults. */
function readConfig(): unknown {
  let element = document.getElementById('cookiegate-config')
  if (!element) return window.cookiegateConfig
  try {
    return JSON.parse(element.textContent || '')
  } catch (error) {
    throw new Error(`Cookiegate: #cookiegate-config is not valid JSON (${(error as Error).message})`)
  }
}

/**
 * What a broken config leaves behind: an instance that allows nothing and never resolves,
 * so page code calling `Cookiegate.allowed(...)` keeps working and stays closed.
 */
function createClosed(): Cookiegate {
  let noop = () => {}
  let state: ConsentState = { decided: false, categories: {}, services: {}, revision: 0, id: null, given: null, updated: null, method: null }
  return {
    consent: atom(state),
    view: atom('none'),
    config: resolveConfig({ ui: false }),
    allowed: () => false,
    acceptAll: noop,
    rejectAll: noop,
    save: noop,
    open: noop,
    close: noop,
    onChange: () => noop,
    whenAllowed: () => new Promise<void>(noop),
    reset: noop,
    destroy: noop
  }
}

function init() {
  // Included twice: the first copy wins, so there is one instance and one banner.
  if (window.Cookiegate) return
  try {
    window.Cookiegate = createConsent(readConfig() as never, lazyMount(loadUI))
  } catch (error) {
    console.error(`${(error as Error).message}\nCookiegate is off: no banner, and no optional category is allowed.`)
    window.Cookiegate = createClosed()
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init, { once: true })
else init()
