/**
 * Script-tag entry (`dist/cookiegate.js`): reads the config once the DOM is parsed, creates the
 * instance and exposes it as `window.Cookiegate`. The only module that touches globals.
 */
import { atom } from 'nanostores'
import { resolveConfig } from './core/config'
import type { ConsentState, Cookiegate } from './core/types'
import { createCookiegate } from './index'

declare global {
  interface Window {
    Cookiegate?: Cookiegate
    cookiegateConfig?: unknown
  }
}

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
  let state: ConsentState = { decided: false, categories: {}, revision: 0, id: null, given: null, updated: null, method: null }
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
    window.Cookiegate = createCookiegate(readConfig() as never)
  } catch (error) {
    console.error(`${(error as Error).message}\nCookiegate is off: no banner, and no optional category is allowed.`)
    window.Cookiegate = createClosed()
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init, { once: true })
else init()
