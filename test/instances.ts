import { afterEach } from 'vitest'
import { createConsent } from '../src/core/index'
import type { Config, Cookiegate } from '../src/core/types'

/** `createConsent` for a test file: every instance it made is destroyed after each test. */
export function useInstances(defaults?: Config): (config?: Config) => Cookiegate {
  let instances: Cookiegate[] = []
  afterEach(() => {
    instances.forEach((cg) => cg.destroy())
    instances = []
  })
  return (config = defaults) => {
    let cg = createConsent(config)
    instances.push(cg)
    return cg
  }
}

/**
 * Runs `create` as if in another tab: a page has one live instance (src/core/live.ts), and the
 * instance made here must not replace this page's one, as it would in the same page.
 */
export function inAnotherTab<T>(create: () => T): T {
  let key = Symbol.for('cookiegate.live')
  let page = globalThis as { [key: symbol]: unknown }
  let live = page[key]
  delete page[key]
  try {
    return create()
  } finally {
    if (live) Object.defineProperty(page, key, { value: live, configurable: true, writable: true, enumerable: false })
  }
}
