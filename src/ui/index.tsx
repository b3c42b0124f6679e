/** @jsxRuntime classic */
/** @jsx h */
// Classic JSX in src/ui: Preact's own h() instead of a second element factory from preact/jsx-runtime.
import { h, render } from 'preact'
import css from '../../styles/index.css?inline'
import type { Cookiegate } from '../core/types'
import { Banner } from './banner'
import { loadLocale, type Locale } from './i18n'
import { loadPreferences, preferences } from './load-preferences'
import { adopt, type Sheet } from './styles'

function App({ cg, locale, dark }: { cg: Cookiegate; locale: Locale; dark: boolean }) {
  let view = cg.view.get()
  let Preferences = preferences()?.Preferences
  // `lang` and `dir` on our own root: screen readers pronounce the texts right, and RTL mirrors.
  // The banner stays under the open preferences, so Esc hands focus back to its Customise button.
  return (
    <div class={`cg-root cg-${dark ? 'dark' : 'light'}`} lang={locale.lang} dir={locale.dir}>
      {(view === 'banner' || (view === 'preferences' && !cg.consent.get().decided)) && <Banner cg={cg} locale={locale} />}
      {view === 'preferences' && Preferences && <Preferences cg={cg} locale={locale} />}
    </div>
  )
}

/**
 * Renders the banner and the preferences for an instance, following its `view` store, in the
 * visitor's language (loaded first, so the banner never flashes in English). The only caller of
 * Preact's `render`. Returns the unmount.
 */
export function mountUI(cg: Cookiegate): () => void {
  let stopped = false
  let unmount = () => {}
  // Opened from a settings link: fetch the preferences alongside the language.
  if (cg.view.get() === 'preferences') loadPreferences().catch(() => {})
  // The UI needs <body>; the core does not wait for it.
  let body = new Promise<void>((resolve) => {
    if (document.body) resolve()
    else document.addEventListener('DOMContentLoaded', () => resolve(), { once: true })
  })
  Promise.all([loadLocale(cg.config), body]).then(([locale]) => {
    if (stopped) return
    let host = document.createElement('div')
    host.id = 'cookiegate'
    // `ph-no-capture`: PostHog's autocapture skips the consent UI, so the click that withdraws
    // consent is not itself recorded (https://posthog.com/docs/product-analytics/autocapture).
    host.className = 'ph-no-capture'
    // A wrapper only: Chromium would expose a div with an id as an empty group, left after a choice.
    host.setAttribute('role', 'none')
    // In a shadow root the page's CSS cannot reach our elements (`shadow: false` opts out).
    let root = cg.config.shadow ? host.attachShadow({ mode: 'open' }) : host
    // Styles go where the elements are: the shadow root, or the document with `shadow: false`.
    let styled = root instanceof ShadowRoot ? root : document
    let sheet = adopt(styled, css)
    // First in <body>: the banner comes early in the Tab order.
    document.body.prepend(host)
    // On a phone, content wider than the screen widens the layout viewport, which `position: fixed`
    // follows, past the visible part of the screen; and that visible part pans within it as the
    // visitor scrolls. The banner's frame and the dialog are placed in window.visualViewport
    // instead, through these variables (the stylesheets' fallbacks are the whole viewport).
    let vv = window.visualViewport
    let place = () => {
      if (vv) {
        let { offsetLeft: x, offsetTop: y } = vv
        host.style.cssText = `--_x:${x}px;--_y:${y}px;--_r:calc(100% - ${x + vv.width}px);--_b:calc(100% - ${y + vv.height}px);--_w:${vv.width}px;--_h:${vv.height}px`
      }
    }
    let events = ['resize', 'scroll'] as const
    events.forEach((type) => vv?.addEventListener(type, place))
    place()
    // Every change of `view`, `consent` or (for `theme: "auto"`) the system colour scheme renders
    // the whole small tree again: no preact/hooks (1.2 kB) in the first visit. Dark mode follows
    // prefers-color-scheme live, so a visitor switching to it sees it at once.
    let { theme } = cg.config
    let query = theme === 'auto' && typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null
    let prefsSheet: Sheet | undefined
    let draw = () => {
      // The preferences' styles come with their first showing.
      let prefs = preferences()
      if (cg.view.get() === 'preferences') {
        if (prefs) prefsSheet ||= adopt(styled, prefs.css)
        else {
          // Until the chunk is here the banner (if any) stays; if it cannot load, the view goes
          // back rather than leave the visitor with nothing, and a later open() tries again.
          loadPreferences().then(
            () => stopped || draw(),
            (error) => {
              console.error('Cookiegate: could not load the preferences', error)
              cg.close()
            }
          )
        }
      }
      render(<App cg={cg} locale={locale} dark={theme === 'dark' || !!query?.matches} />, root)
    }
    let stop = [cg.view.listen(draw), cg.consent.listen(draw)]
    query?.addEventListener('change', draw)
    draw()
    unmount = () => {
      stop.forEach((fn) => fn())
      query?.removeEventListener('change', draw)
      events.forEach((type) => vv?.removeEventListener(type, place))
      render(null, root)
      host.remove()
      sheet.remove()
      prefsSheet?.remove()
    }
  })
  return () => {
    stopped = true
    unmount()
  }
}
