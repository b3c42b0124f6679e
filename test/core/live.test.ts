import { fireEvent, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { createConsent } from '../../src/core/consent'
import type { Cookiegate } from '../../src/core/types'
import { createCookiegate } from '../../src/index'

// Everything a test created, destroyed afterwards even when the test failed half-way.
let instances: Cookiegate[] = []
const create = (): Cookiegate => {
  let cg = createCookiegate()
  instances.push(cg)
  return cg
}
afterEach(() => {
  instances.forEach((cg) => cg.destroy())
  instances = []
})

const hosts = () => document.querySelectorAll('[id="cookiegate"]')
const shadow = () => within(document.getElementById('cookiegate')!.shadowRoot as unknown as HTMLElement)
const banners = () => shadow().queryAllByRole('region', { name: 'Cookies on this site' })
const dialogs = () => shadow().queryAllByRole('dialog', { name: 'Cookie settings' })
const changes = () => {
  let events: unknown[] = []
  let listener = (event: Event) => events.push((event as CustomEvent).detail)
  document.addEventListener('cookiegate:change', listener)
  afterEach(() => document.removeEventListener('cookiegate:change', listener))
  return events
}
// Long enough for a second UI, had it been mounted, to render next to the first.
const settle = () => new Promise((resolve) => setTimeout(resolve, 50))

describe('one live instance per page', () => {
  test('a second instance made without destroy() (hot reload) replaces the first: one banner, one modal, one event per choice', async () => {
    let first = create()
    await waitFor(() => expect(banners()).toHaveLength(1))
    let second = create()
    await settle()
    await waitFor(() => expect(banners()).toHaveLength(1))
    expect(hosts()).toHaveLength(1)

    document.body.insertAdjacentHTML('beforeend', '<a href="#" data-cookie-settings>Cookie Settings</a>')
    fireEvent.click(document.querySelector('[data-cookie-settings]')!)
    await waitFor(() => expect(dialogs()).toHaveLength(1))
    await settle()
    expect(dialogs()).toHaveLength(1)
    expect(hosts()).toHaveLength(1)

    let events = changes()
    fireEvent.click(within(dialogs()[0]!).getByRole('button', { name: 'Accept all' }))
    await waitFor(() => expect(second.allowed('analytics')).toBe(true))
    await settle()
    expect(events).toHaveLength(1)
    // The replaced instance is inert: it neither records choices nor reacts to them.
    first.rejectAll()
    await settle()
    expect(events).toHaveLength(1)
    expect(second.allowed('analytics')).toBe(true)
  })

  test('two instances made at once, the first UI still loading, leave one banner', async () => {
    create()
    create()
    await waitFor(() => expect(banners()).toHaveLength(1))
    await settle()
    expect(hosts()).toHaveLength(1)
    expect(banners()).toHaveLength(1)
  })

  test('a late destroy() of the replaced instance (a StrictMode cleanup) leaves the newer one alone', async () => {
    let first = create()
    let second = create()
    first.destroy()
    await waitFor(() => expect(banners()).toHaveLength(1))
    document.body.insertAdjacentHTML('beforeend', '<button data-cookie-settings>Cookie Settings</button>')
    fireEvent.click(document.querySelector('[data-cookie-settings]')!)
    expect(second.view.get()).toBe('preferences')
    // And the newer one is still the live one: a third replaces it.
    let third = create()
    expect(second.view.get()).toBe('none')
    fireEvent.click(document.querySelector('[data-cookie-settings]')!)
    expect(third.view.get()).toBe('preferences')
  })

  test('after destroy() a new instance starts afresh', async () => {
    create().destroy()
    create()
    await waitFor(() => expect(banners()).toHaveLength(1))
    expect(hosts()).toHaveLength(1)
  })

  test('two copies of the library on one page agree on the live instance', async () => {
    vi.resetModules()
    let copy = (await import('../../src/core/consent')).createConsent
    expect(copy).not.toBe(createConsent)
    let events = changes()
    let first = createConsent({ ui: false })
    let second = copy({ ui: false })
    instances.push(first, second)
    second.acceptAll()
    await settle()
    expect(events).toHaveLength(1)
    document.body.innerHTML = '<button data-cookie-settings>Cookie Settings</button>'
    fireEvent.click(document.querySelector('button')!)
    expect(first.view.get()).toBe('none')
    expect(second.view.get()).toBe('preferences')
  })

  test('adds no global name', () => {
    let before = new Set(Object.getOwnPropertyNames(window))
    create()
    expect(Object.getOwnPropertyNames(window).filter((name) => !before.has(name))).toEqual([])
    expect(Object.keys(window).filter((name) => !before.has(name))).toEqual([])
  })
})
