import { afterEach, describe, expect, test, vi } from 'vitest'
import { createSync, type Sync } from '../../src/core/sync'

let syncs: Sync[] = []
const create = (refresh: () => void, name = 'cookiegate') => {
  let sync = createSync(name, refresh)
  syncs.push(sync)
  return sync
}
const pageshow = (persisted: boolean) => dispatchEvent(Object.assign(new Event('pageshow'), { persisted }))

afterEach(() => {
  syncs.forEach((s) => s.destroy())
  syncs = []
})

describe('createSync', () => {
  test('re-reads when another tab changed the choice', async () => {
    let refresh = vi.fn()
    create(refresh)
    create(() => {}).notify()
    await vi.waitFor(() => expect(refresh).toHaveBeenCalledTimes(1))
  })

  test('re-reads once more a moment later: the cookie the other tab wrote may not be stored yet', async () => {
    let refresh = vi.fn()
    create(refresh)
    create(() => {}).notify()
    await vi.waitFor(() => expect(refresh).toHaveBeenCalledTimes(1))
    await vi.waitFor(() => expect(refresh).toHaveBeenCalledTimes(2), { timeout: 1000 })
  })

  test('a choice made here meanwhile cancels that later re-read', async () => {
    let refresh = vi.fn()
    let here = create(refresh)
    create(() => {}).notify()
    await vi.waitFor(() => expect(refresh).toHaveBeenCalledTimes(1))
    here.notify()
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  test('does not hear tabs that use another cookie', async () => {
    let refresh = vi.fn()
    let control = vi.fn()
    create(refresh, 'other')
    create(control)
    create(() => {}).notify()
    // A tab on the same cookie has heard it: the message has been delivered.
    await vi.waitFor(() => expect(control).toHaveBeenCalledTimes(1))
    expect(refresh).not.toHaveBeenCalled()
  })

  test('re-reads a page restored from the back/forward cache, not a fresh load', () => {
    let refresh = vi.fn()
    create(refresh)
    pageshow(false)
    expect(refresh).not.toHaveBeenCalled()
    pageshow(true)
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  test('re-reads when a prerendered page is shown', () => {
    let refresh = vi.fn()
    create(refresh)
    document.dispatchEvent(new Event('prerenderingchange'))
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  test('hears nothing after destroy', async () => {
    let refresh = vi.fn()
    let control = vi.fn()
    create(refresh).destroy()
    create(control)
    create(() => {}).notify()
    pageshow(true)
    document.dispatchEvent(new Event('prerenderingchange'))
    document.dispatchEvent(new Event('visibilitychange'))
    // A live tab has heard the message and the three events: they have all been delivered.
    await vi.waitFor(() => expect(control).toHaveBeenCalledTimes(4))
    expect(refresh).not.toHaveBeenCalled()
  })
})
