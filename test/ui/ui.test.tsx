import { fireEvent, render, waitFor, within } from '@testing-library/preact'
import { h } from 'preact'
import { afterEach, describe, expect, test } from 'vitest'
import { createCookiegate } from '../../src/index'
import type { Config, Cookiegate } from '../../src/core/types'
import { TEXT_KEYS } from '../../src/core/defaults'
import { createConsent } from '../../src/core/consent'
import { Banner } from '../../src/ui/banner'
import { EN_PREFERENCES } from '../../src/ui/preferences-texts'
import { EN } from '../../src/ui/texts'

let instances: Cookiegate[] = []
const create = (config?: Config) => {
  let cg = createCookiegate(config)
  instances.push(cg)
  return cg
}
afterEach(() => {
  instances.forEach((cg) => cg.destroy())
  instances = []
  document.documentElement.lang = ''
})

/** Queries inside our shadow root (or the light-DOM host with `shadow: false`), once it is mounted. */
const ui = async () => {
  let host = await waitFor(() => {
    let el = document.getElementById('cookiegate')
    if (!el) throw new Error('no #cookiegate yet')
    return el
  })
  return within((host.shadowRoot || host) as unknown as HTMLElement)
}
const banner = async (name = 'Cookies on this site') => (await ui()).findByRole('region', { name })
const dialog = async (name = 'Cookie settings') => (await ui()).findByRole('dialog', { name })
const root = () => {
  let host = document.getElementById('cookiegate')!
  return (host.shadowRoot || host).querySelector('.cg-root') as HTMLElement
}
/** The text of what describes `el` (aria-describedby), as a screen reader reads it after its name. */
const description = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') || '')
    .split(' ')
    .map((id) => (el.getRootNode() as Document | ShadowRoot).getElementById(id)?.textContent)
    .join(' ')
const gone = async (role: string) => {
  let q = await ui()
  await waitFor(() => expect(q.queryByRole(role)).toBeNull())
}

describe('banner', () => {
  test('shows title, text, policy link and Accept all / Reject all in one style', async () => {
    create({ policyUrl: '/privacy' })
    let region = await banner()
    expect(description(region)).toMatch(/^We use essential cookies/)
    expect(within(region).getByRole('link', { name: 'Privacy policy' }).getAttribute('href')).toBe('/privacy')
    let buttons = within(region).getAllByRole('button')
    expect(buttons.map((b) => b.textContent)).toEqual(['Accept all', 'Reject all', 'Customise'])
    // Equal visual weight: the very same classes on both choices.
    expect(buttons[0]!.className).toBe(buttons[1]!.className)
  })

  test('shows at once and is announced through a polite live region without taking focus', async () => {
    // Rendered directly, to see the first frame: the banner is there, its live region empty
    // (text added together with its region is not announced), the text arriving a moment later.
    let cg = createConsent({ ui: false })
    instances.push(cg)
    let { container } = render(<Banner cg={cg} locale={{ lang: 'en', dir: 'ltr', t: EN, categories: {} }} />)
    let region = container.querySelector('section')!
    let live = container.querySelector('[aria-live="polite"]')!
    expect(region.textContent).toContain('Cookies on this site')
    expect(live.textContent).toBe('')
    await waitFor(() => expect(live.textContent).toContain('Cookies on this site'))
    expect(live.textContent).toContain('We use essential cookies')
    expect(region.contains(live)).toBe(false)
    expect(document.activeElement).toBe(document.body)
  })

  test('comes first in the body, so it is early in the Tab order', async () => {
    document.body.innerHTML = '<main><a href="/">Home</a></main>'
    create()
    await banner()
    expect(document.body.firstElementChild!.id).toBe('cookiegate')
  })

  test('Accept all stores the choice and hides the banner', async () => {
    let cg = create()
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Accept all' }))
    expect(cg.allowed('analytics')).toBe(true)
    await gone('region')
  })

  test('Reject all stores the refusal and hides the banner', async () => {
    let cg = create()
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Reject all' }))
    expect(cg.consent.get().method).toBe('reject-all')
    await gone('region')
  })

  test('is not shown to a visitor who already chose, not even under the preferences', async () => {
    let cg = create()
    cg.rejectAll()
    cg.destroy()
    let again = create()
    expect(again.view.get()).toBe('none')
    expect(document.getElementById('cookiegate')).toBeNull()
    // Opened from a settings link, the UI renders: the preferences, and no banner beneath them.
    again.open()
    await dialog()
    expect((await ui()).queryByRole('region')).toBeNull()
  })

  test('renders config texts as text, never as HTML', async () => {
    let evil = '<img src=x onerror="window.pwned=1">'
    create({ texts: { bannerTitle: evil, bannerText: evil } })
    await banner(evil)
    expect(root().querySelector('img')).toBeNull()
  })

  test('renders every config text, label and description as text in the banner and the preferences', async () => {
    let evil = '<img src=x onerror="window.pwned=1">'
    // The embed placeholder texts are shown by the placeholder, not here (test/browser/embeds.test.ts);
    // the opt-out texts only in an opt-out region (next test).
    let keys = TEXT_KEYS.filter((key) => !['embedText', 'loadOnce', 'alwaysAllow', 'optOutTitle', 'optOutText', 'optOutReject'].includes(key))
    let texts = Object.fromEntries(keys.map((key) => [key, `${key} ${evil}`]))
    let row = { name: `n ${evil}`, provider: `p ${evil}`, purpose: `u ${evil}`, duration: `d ${evil}` }
    let cg = create({
      policyUrl: '/privacy',
      texts,
      categories: {
        essential: { required: true, label: evil, description: evil },
        analytics: { label: `A ${evil}`, description: evil, cookieTable: [row] }
      }
    })
    await banner(texts.bannerTitle)
    cg.open()
    await dialog(texts.preferencesTitle)
    expect(root().querySelector('img')).toBeNull()
    expect(document.querySelector('img')).toBeNull()
    expect((window as { pwned?: number }).pwned).toBeUndefined()
    let shown = root().textContent!
    for (let key of keys) {
      // `close` is the close button's accessible name.
      let text = key === 'close' ? root().querySelector('.cg-close')!.getAttribute('aria-label') : shown
      expect(text, key).toContain(key === 'cookieTable' ? 'cookieTable' : texts[key])
    }
    for (let value of Object.values(row)) expect(shown).toContain(value)
  })

  test('in an opt-out region the preferences say what opting out means, in the visitor\'s language or as configured', async () => {
    let jurisdictions = { US: 'opt-out' } as const
    let cg = create({ region: 'US-CA', jurisdictions })
    cg.open()
    let prefs = await dialog('Your Privacy Choices')
    expect(prefs.textContent).toContain(EN_PREFERENCES.texts.optOutText)
    expect(within(prefs).getByRole('button', { name: 'Do not sell or share my personal information' })).toBeDefined()
    cg.destroy()
    let custom = create({ region: 'US', jurisdictions, texts: { optOutTitle: 'Privacy choices', optOutReject: 'Opt out of sale' } })
    custom.open()
    expect(within(await dialog('Privacy choices')).getByRole('button', { name: 'Opt out of sale' })).toBeDefined()
    custom.destroy()
    let opted = create({ region: 'DE', jurisdictions, language: 'de' })
    opted.open()
    // An opt-in region keeps the consent wording.
    expect(within(await dialog('Cookie-Einstellungen')).getByRole('button', { name: 'Alle ablehnen' })).toBeDefined()
  })

  test('uses overridden texts', async () => {
    create({ texts: { acceptAll: 'Allow all', rejectAll: 'Refuse all' } })
    let region = await banner()
    expect(within(region).getAllByRole('button').map((b) => b.textContent)).toEqual(['Allow all', 'Refuse all', 'Customise'])
  })

  test('ui: false mounts nothing', async () => {
    create({ ui: false })
    await new Promise((r) => setTimeout(r, 10))
    expect(document.getElementById('cookiegate')).toBeNull()
  })

  test('is a bar at the bottom by default, or a box in the configured corner', async () => {
    create()
    expect((await banner()).className).toBe('cg-banner cg-bar cg-bottom')
    instances.pop()!.destroy()
    create({ layout: 'box', position: 'top-left' })
    expect((await banner()).className).toBe('cg-banner cg-box cg-top cg-left')
  })
})

describe('isolation and styles', () => {
  test('renders in an open shadow root with its stylesheet adopted there, the preferences\' once they open', async () => {
    let cg = create()
    await banner()
    let host = document.getElementById('cookiegate')!
    expect(host.shadowRoot!.adoptedStyleSheets).toHaveLength(1)
    expect(document.querySelector('.cg-banner')).toBeNull()
    cg.open()
    await dialog()
    expect(host.shadowRoot!.adoptedStyleSheets).toHaveLength(2)
  })

  test('shadow: false renders in the light DOM with .cg- classes', async () => {
    create({ shadow: false })
    await banner()
    let host = document.getElementById('cookiegate')!
    expect(host.shadowRoot).toBeNull()
    expect(document.querySelector('#cookiegate .cg-root .cg-banner')).toBeTruthy()
  })

  test('sets no style attribute anywhere, so a CSP without unsafe-inline holds', async () => {
    let cg = create({ categories: { essential: { cookieTable: [{ name: 's' }] }, analytics: { services: { posthog: {} } } } })
    await banner()
    cg.open()
    await dialog()
    expect(root().querySelectorAll('[style]')).toHaveLength(0)
    expect(document.querySelectorAll('[style]')).toHaveLength(0)
  })

  test('theme dark and light pick their palette; auto follows the system', async () => {
    create({ theme: 'dark' })
    await banner()
    expect(root().className).toBe('cg-root cg-dark')
    instances.pop()!.destroy()
    create({ theme: 'light' })
    await banner()
    expect(root().className).toBe('cg-root cg-light')
  })
})

describe('languages', () => {
  test('auto picks the page language from <html lang>', async () => {
    document.documentElement.lang = 'de-AT'
    create()
    let region = await banner('Cookies auf dieser Website')
    expect(within(region).getAllByRole('button').map((b) => b.textContent)).toEqual(['Alle akzeptieren', 'Alle ablehnen', 'Anpassen'])
    expect(root().getAttribute('lang')).toBe('de')
    expect(root().getAttribute('dir')).toBe('ltr')
  })

  test('falls back to English for a language it does not have', async () => {
    document.documentElement.lang = 'xx'
    create()
    await banner('Cookies on this site')
  })

  test('a pinned language wins over the page language', async () => {
    document.documentElement.lang = 'de'
    create({ language: 'fr' })
    await banner('Les cookies sur ce site')
  })

  test('right-to-left languages set dir="rtl"', async () => {
    create({ language: 'ar' })
    await banner('ملفات تعريف الارتباط على هذا الموقع')
    expect(root().getAttribute('dir')).toBe('rtl')
  })

  test('texts can be overridden per language, over flat overrides', async () => {
    document.documentElement.lang = 'de'
    create({ texts: { acceptAll: 'OK', rejectAll: 'Nein', de: { acceptAll: 'Einverstanden' } } })
    let region = await banner('Cookies auf dieser Website')
    expect(within(region).getAllByRole('button').map((b) => b.textContent)).toEqual(['Einverstanden', 'Nein', 'Anpassen'])
  })

  test('a language given only in texts is picked and completed in English', async () => {
    document.documentElement.lang = 'ja'
    create({ texts: { ja: { bannerTitle: 'クッキーについて' } } })
    let region = await banner('クッキーについて')
    expect(within(region).getAllByRole('button').map((b) => b.textContent)).toEqual(['Accept all', 'Reject all', 'Customise'])
    expect(root().getAttribute('lang')).toBe('ja')
  })

  test('category labels and descriptions follow the language', async () => {
    let cg = create({
      language: 'de',
      categories: { essential: { required: true }, analytics: {}, ads: { label: { en: 'Ads', de: 'Werbung' } } }
    })
    cg.open()
    let modal = await dialog('Cookie-Einstellungen')
    let switches = ['Notwendig', 'Analyse', 'Werbung'].map((name) => within(modal).getByRole('switch', { name }) as HTMLInputElement)
    // The required one on and locked, the optional ones off; each described in German.
    expect(switches.map((s) => [s.checked, s.disabled])).toEqual([[true, true], [false, false], [false, false]])
    expect(description(switches[1]!)).toMatch(/Nur aktiv, wenn Sie sie einschalten/)
  })

  test('a category without a label is named as the embed placeholders name it, with a capital', async () => {
    let cg = create({ categories: { essential: { required: true }, marketing: {} } })
    cg.open()
    let modal = await dialog()
    expect(within(modal).getByRole('switch', { name: 'Marketing' })).toBeTruthy()
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
    expect(description(analytics)).toMatch(/^Help us understand/)
  })

  test('Save choices stores the switches as they are', async () => {
    let cg = create()
    cg.open()
    let modal = await dialog()
    fireEvent.click(within(modal).getByRole('switch', { name: 'Analytics' }))
    fireEvent.click(within(modal).getByRole('button', { name: 'Save choices' }))
    expect(cg.consent.get()).toMatchObject({ method: 'custom', categories: { analytics: true } })
    await gone('dialog')
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
    await gone('dialog')
    expect(cg.consent.get().decided).toBe(false)
    expect(cg.view.get()).toBe('banner')
    expect(within(await banner()).getAllByRole('button').map((b) => b.textContent)).toEqual(['Accept all', 'Reject all', 'Customise'])
  })

  test('moves focus into the modal and returns it to the opener', async () => {
    let cg = create()
    cg.rejectAll()
    document.body.insertAdjacentHTML('afterbegin', '<a href="#" data-cookie-settings>Cookie Settings</a>')
    let link = document.querySelector<HTMLElement>('[data-cookie-settings]')!
    link.focus()
    fireEvent.click(link)
    let modal = await dialog()
    let shadow = document.getElementById('cookiegate')!.shadowRoot!
    await waitFor(() => expect(modal.contains(shadow.activeElement)).toBe(true))
    fireEvent.click(within(modal).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(document.activeElement).toBe(link))
  })

  test('keeps Tab inside the modal, across the shadow root', async () => {
    let cg = create()
    cg.open()
    let modal = await dialog()
    let shadow = document.getElementById('cookiegate')!.shadowRoot!
    await waitFor(() => expect(modal.contains(shadow.activeElement)).toBe(true))
    let focusables = Array.from(modal.querySelectorAll<HTMLElement>('button, input:not([disabled])'))
    let last = focusables[focusables.length - 1]!
    last.focus()
    fireEvent.keyDown(last, { key: 'Tab' })
    expect(shadow.activeElement).toBe(focusables[0])
    fireEvent.keyDown(focusables[0]!, { key: 'Tab', shiftKey: true })
    expect(shadow.activeElement).toBe(last)
  })

  test('Reject all inside the modal refuses everything', async () => {
    let cg = create()
    cg.acceptAll()
    cg.open()
    fireEvent.click(within(await dialog()).getByRole('button', { name: 'Reject all' }))
    expect(cg.allowed('analytics')).toBe(false)
  })
})

describe('services and cookie tables', () => {
  const CONFIG: Config = {
    categories: {
      essential: { required: true, cookieTable: [{ name: 'session', provider: 'Shop', purpose: 'Keeps you signed in', duration: 'Session' }] },
      analytics: {
        services: {
          posthog: {
            label: 'PostHog',
            description: { en: 'Product analytics', de: 'Produktanalyse' },
            cookieTable: [{ name: 'ph_*_posthog', provider: 'PostHog', purpose: { en: 'Counts visits', de: 'Zählt Besuche' }, duration: '1 year' }]
          },
          ga: { label: 'Google Analytics' }
        }
      }
    }
  }

  test('each service has its own switch, and a category switch moves all of them', async () => {
    let cg = create(CONFIG)
    cg.open()
    let modal = await dialog()
    let posthog = within(modal).getByRole('switch', { name: 'PostHog' }) as HTMLInputElement
    let ga = within(modal).getByRole('switch', { name: 'Google Analytics' }) as HTMLInputElement
    expect(posthog.checked || ga.checked).toBe(false)
    fireEvent.click(within(modal).getByRole('switch', { name: 'Analytics' }))
    await waitFor(() => expect(posthog.checked && ga.checked).toBe(true))
    fireEvent.click(ga)
    await waitFor(() => expect(ga.checked).toBe(false))
    expect((within(modal).getByRole('switch', { name: 'Analytics' }) as HTMLInputElement).checked).toBe(true)
    fireEvent.click(within(modal).getByRole('button', { name: 'Save choices' }))
    expect(cg.consent.get().services).toEqual({ posthog: true, ga: false })
  })

  test('switching off the last service switches its category off', async () => {
    let cg = create(CONFIG)
    cg.save({ posthog: true })
    cg.open()
    let modal = await dialog()
    fireEvent.click(within(modal).getByRole('switch', { name: 'PostHog' }))
    await waitFor(() => expect((within(modal).getByRole('switch', { name: 'Analytics' }) as HTMLInputElement).checked).toBe(false))
  })

  test('lists cookies in a table with name, provider, purpose and duration, in the visitor language', async () => {
    let cg = create({ ...CONFIG, language: 'de' })
    cg.open()
    let modal = await dialog('Cookie-Einstellungen')
    let tables = within(modal).getAllByRole('table')
    expect(tables).toHaveLength(2)
    expect(within(tables[1]!).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Name', 'Anbieter', 'Zweck', 'Speicherdauer'])
    expect(within(tables[1]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['ph_*_posthog', 'PostHog', 'Zählt Besuche', '1 year'])
    expect(within(modal).getAllByText('Verwendete Cookies (1)')).toHaveLength(2)
  })
})

describe('destroy', () => {
  test('removes the UI and its stylesheets', async () => {
    let cg = create()
    await banner()
    cg.destroy()
    expect(document.getElementById('cookiegate')).toBeNull()
    expect(document.adoptedStyleSheets).toHaveLength(0)
  })
})
