import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, test } from 'vitest'
import { createCookiegate } from '../../src/index'
import type { Config, Cookiegate } from '../../src/core/types'
import { TEXT_KEYS } from '../../src/core/defaults'

let instances: Cookiegate[] = []
const create = (config?: Config) => {
  let cg = createCookiegate(config)
  instances.push(cg)
  return cg
}
afterEach(() => {
  instances.forEach((cg) => cg.destroy())
  instances = []
})

const banner = () => screen.findByRole('region', { name: 'Cookies on this site' })
const dialog = () => screen.findByRole('dialog', { name: 'Cookie settings' })

describe('banner', () => {
  test('shows title, text, policy link and three equal buttons', async () => {
    create({ policyUrl: '/privacy' })
    let region = await banner()
    expect(within(region).getByText(/We use essential cookies/)).toBeTruthy()
    expect(within(region).getByRole('link', { name: 'Privacy policy' }).getAttribute('href')).toBe('/privacy')
    let buttons = within(region).getAllByRole('button')
    expect(buttons.map((b) => b.textContent)).toEqual(['Accept all', 'Reject all', 'Customise'])
    // Equal visual weight: the very same classes on every choice.
    expect(new Set(buttons.map((b) => b.className)).size).toBe(1)
  })

  test('Accept all stores the choice and hides the banner', async () => {
    let cg = create()
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Accept all' }))
    expect(cg.allowed('analytics')).toBe(true)
    await waitFor(() => expect(screen.queryByRole('region')).toBeNull())
  })

  test('Reject all stores the refusal and hides the banner', async () => {
    let cg = create()
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Reject all' }))
    expect(cg.consent.get().method).toBe('reject-all')
    await waitFor(() => expect(screen.queryByRole('region')).toBeNull())
  })

  test('is not shown to a visitor who already chose', async () => {
    let cg = create()
    cg.rejectAll()
    cg.destroy()
    create()
    await new Promise((r) => setTimeout(r, 10))
    expect(screen.queryByRole('region')).toBeNull()
  })

  test('renders config texts as text, never as HTML', async () => {
    let evil = '<img src=x onerror="window.pwned=1">'
    create({ texts: { bannerTitle: evil, bannerText: evil } })
    await screen.findByRole('region', { name: evil })
    expect(document.querySelector('.cg-root img')).toBeNull()
  })

  test('renders every config text, label and description as text in the banner and the preferences', async () => {
    let evil = '<img src=x onerror="window.pwned=1">'
    let texts = Object.fromEntries(TEXT_KEYS.map((key) => [key, `${key} ${evil}`]))
    let cg = create({
      policyUrl: '/privacy',
      texts,
      categories: { essential: { required: true, label: evil, description: evil }, analytics: { label: `A ${evil}`, description: evil } }
    })
    await screen.findByRole('region', { name: texts.bannerTitle })
    cg.open()
    await screen.findByRole('dialog', { name: texts.preferencesTitle })
    expect(document.querySelector('img')).toBeNull()
    expect((window as { pwned?: number }).pwned).toBeUndefined()
    for (let key of TEXT_KEYS) {
      // `close` is the close button's accessible name.
      let shown = key === 'close' ? document.querySelector('.cg-close')!.getAttribute('aria-label') : document.body.textContent
      expect(shown, key).toContain(texts[key])
    }
  })

  test('uses overridden texts', async () => {
    create({ texts: { acceptAll: 'Allow all', rejectAll: 'Refuse all' } })
    let region = await banner()
    expect(within(region).getByRole('button', { name: 'Allow all' })).toBeTruthy()
    expect(within(region).getByRole('button', { name: 'Refuse all' })).toBeTruthy()
  })

  test('ui: false mounts nothing', async () => {
    create({ ui: false })
    await new Promise((r) => setTimeout(r, 10))
    expect(document.querySelector('.cg-root')).toBeNull()
  })
})

describe('preferences', () => {
  test('Customise opens a labelled modal with a switch per category', async () => {
    create()
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Customise' }))
    let modal = await dialog()
    expect(modal.getAttribute('aria-modal')).toBe('true')
    let essential = within(modal).getByRole('switch', { name: 'Essential' }) as HTMLInputElement
    let analytics = within(modal).getByRole('switch', { name: 'Analytics' }) as HTMLInputElement
    expect(essential.checked && essential.disabled).toBe(true)
    expect(essential.getAttribute('aria-describedby')).toContain('always')
    expect(analytics.checked || analytics.disabled).toBe(false)
    expect(within(modal).getByText(/Help us understand/)).toBeTruthy()
  })

  test('Save choices stores the switches as they are', async () => {
    let cg = create()
    cg.open()
    let modal = await dialog()
    fireEvent.click(within(modal).getByRole('switch', { name: 'Analytics' }))
    fireEvent.click(within(modal).getByRole('button', { name: 'Save choices' }))
    expect(cg.consent.get()).toMatchObject({ method: 'custom', categories: { analytics: true } })
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  test('shows the stored choice when reopened', async () => {
    let cg = create()
    cg.acceptAll()
    cg.open()
    let modal = await dialog()
    expect((within(modal).getByRole('switch', { name: 'Analytics' }) as HTMLInputElement).checked).toBe(true)
  })

  test('Esc closes without saving and the banner comes back', async () => {
    let cg = create()
    cg.open()
    let modal = await dialog()
    fireEvent.click(within(modal).getByRole('switch', { name: 'Analytics' }))
    fireEvent.keyDown(modal, { key: 'Escape' })
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(cg.consent.get().decided).toBe(false)
    expect(await banner()).toBeTruthy()
  })

  test('moves focus into the modal and returns it to the opener', async () => {
    let cg = create()
    cg.rejectAll()
    document.body.insertAdjacentHTML('afterbegin', '<a href="#" data-cookie-settings>Cookie Settings</a>')
    let link = screen.getByRole('link', { name: 'Cookie Settings' })
    link.focus()
    fireEvent.click(link)
    let modal = await dialog()
    await waitFor(() => expect(modal.contains(document.activeElement)).toBe(true))
    fireEvent.click(within(modal).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(document.activeElement).toBe(link))
  })

  test('keeps Tab inside the modal', async () => {
    let cg = create()
    cg.open()
    let modal = await dialog()
    await waitFor(() => expect(modal.contains(document.activeElement)).toBe(true))
    let focusables = Array.from(modal.querySelectorAll<HTMLElement>('button, input:not([disabled])'))
    let last = focusables[focusables.length - 1]!
    last.focus()
    fireEvent.keyDown(last, { key: 'Tab' })
    expect(document.activeElement).toBe(focusables[0])
    fireEvent.keyDown(focusables[0]!, { key: 'Tab', shiftKey: true })
    expect(document.activeElement).toBe(last)
  })

  test('Reject all inside the modal refuses everything', async () => {
    let cg = create()
    cg.acceptAll()
    cg.open()
    fireEvent.click(within(await dialog()).getByRole('button', { name: 'Reject all' }))
    expect(cg.allowed('analytics')).toBe(false)
  })
})

describe('destroy', () => {
  test('removes the UI and its stylesheet', async () => {
    let cg = create()
    await banner()
    expect(document.adoptedStyleSheets.length).toBe(1)
    cg.destroy()
    expect(document.querySelector('.cg-root')).toBeNull()
    expect(document.adoptedStyleSheets.length).toBe(0)
  })
})
