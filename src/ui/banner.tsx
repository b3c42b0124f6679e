/** @jsxRuntime classic */
/** @jsx h */
import { Component, h } from 'preact'
import type { Cookiegate } from '../core/types'
import { Actions } from './actions'
import type { Locale } from './i18n'
import { loadPreferences } from './load-preferences'
import { adopt } from './styles'

/**
 * WCAG 2.4.11 (Focus Not Obscured): while the banner is up, the page's `scroll-padding` reserves
 * its height, so the browser scrolls a focused element clear of the banner instead of under it,
 * and a spacer of that height after the page (before it, for a top banner) lets the last (first)
 * elements scroll clear too. A bottom spacer moves nothing that is on screen. A constructed
 * stylesheet on the document, since a style attribute would need `'unsafe-inline'`.
 * A ref callback on the banner: it runs when the banner appears, its cleanup when it goes.
 */
function reserveSpace(banner: HTMLElement | null) {
  if (!banner || typeof ResizeObserver !== 'function') return
  let edge: 'top' | 'bottom' = banner.classList.contains('cg-top') ? 'top' : 'bottom'
  let sheet = adopt(document, '')
  // offsetHeight ignores the entrance transform; the gap is the box layout's distance from the edge.
  let observer = new ResizeObserver(() => {
    let reserve = banner.offsetHeight + (parseFloat(getComputedStyle(banner)[edge]) || 0) + 8
    let px = Math.ceil(reserve) + 'px'
    sheet.set(`html{scroll-padding-${edge}:${px}}html::${edge === 'top' ? 'before' : 'after'}{content:"";display:block;height:${px}}`)
  })
  observer.observe(banner)
  return () => {
    observer.disconnect()
    sheet.remove()
  }
}

const preload = () => void loadPreferences().catch(() => {})

interface Props {
  cg: Cookiegate
  locale: Locale
}

/**
 * First layer: a labelled, non-modal region fixed to an edge or corner (it never moves the page
 * and never takes focus). Accept all and Reject all share one style, so refusing is as easy as
 * accepting. A class component, the one place with a timer, so the UI needs no preact/hooks.
 */
export class Banner extends Component<Props, { announce?: boolean }> {
  timer?: ReturnType<typeof setTimeout>

  // The banner shows at once. A screen reader hears its title and text through a visually hidden
  // polite live region, filled a moment after the region itself appeared (content added together
  // with its region is not announced), so nothing takes focus and the banner is not shown late.
  // Once read, the copy goes (removals are not announced): left there, a visitor reading the page
  // would meet the banner twice. Screen readers take a live region's text when it changes; 7 s
  // leaves one that is busy reading the page time to get to it (react-aria's announcer waits as long).
  componentDidMount() {
    this.timer = setTimeout(() => {
      this.setState({ announce: true })
      this.timer = setTimeout(() => this.setState({ announce: false }), 7000)
    }, 100)
  }

  componentWillUnmount() {
    clearTimeout(this.timer)
  }

  render() {
    let { cg } = this.props
    let { t } = this.props.locale
    let { policyUrl, layout, position } = cg.config
    return (
      <div class="cg-frame">
        <section
          ref={reserveSpace}
          class={['banner', layout, ...position.split('-')].map((name) => 'cg-' + name).join(' ')}
          part="banner"
          aria-labelledby="cg-banner-title"
          aria-describedby="cg-banner-text"
        >
          <div class="cg-banner-body">
            <h2 id="cg-banner-title" class="cg-title" part="title">
              {t.bannerTitle}
            </h2>
            <p id="cg-banner-text" class="cg-text" part="text">
              {t.bannerText}
              {policyUrl && [
                ' ',
                <a class="cg-link" part="link" href={policyUrl}>
                  {t.policyLink}
                </a>
              ]}
            </p>
          </div>
          <Actions cg={cg} t={t}>
            <button
              type="button"
              class="cg-btn cg-btn-alt"
              part="button"
              aria-haspopup="dialog"
              onClick={cg.open}
              // Intent: the preferences start downloading before the click.
              onPointerEnter={preload}
              onFocus={preload}
            >
              {t.customise}
            </button>
          </Actions>
        </section>
        <div class="cg-sr" aria-live="polite">
          {this.state.announce && [<p>{t.bannerTitle}</p>, <p>{t.bannerText}</p>]}
        </div>
      </div>
    )
  }
}
