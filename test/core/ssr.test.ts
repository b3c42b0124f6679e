// @vitest-environment node
// Server rendering: no `window`, no `document`. test/package/ checks the same on the packed tarball.
import { describe, expect, test } from 'vitest'

describe('without a DOM (server rendering)', () => {
  test('importing the package does not throw', async () => {
    let main = await import('../../src/index')
    expect(typeof main.createCookiegate).toBe('function')
  })

  test('createCookiegate() throws a CookiegateError that says to call it in the browser', async () => {
    let { createCookiegate, CookiegateError, CookiegateConfigError } = await import('../../src/index')
    let error: unknown
    try {
      createCookiegate({ policyUrl: '/privacy' })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(CookiegateError)
    expect(error).not.toBeInstanceOf(CookiegateConfigError)
    expect((error as Error).name).toBe('CookiegateError')
    expect((error as Error).message).toMatch(/in the browser/)
    expect((error as Error).message).toMatch(/useEffect/)
    expect((error as Error).message).toMatch(/onMounted/)
  })

  test('createConsent() from cookiegate/core throws the same', async () => {
    let { createConsent, CookiegateError } = await import('../../src/core/index')
    expect(() => createConsent({ ui: false })).toThrow(CookiegateError)
  })

  test('CookiegateConfigError is a CookiegateError, so one catch handles both', async () => {
    let { CookiegateError, CookiegateConfigError } = await import('../../src/core/index')
    let error = new CookiegateConfigError(['layout: expected "bar" or "box"'])
    expect(error).toBeInstanceOf(CookiegateError)
    expect(error.name).toBe('CookiegateConfigError')
  })
})
