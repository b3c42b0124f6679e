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
