import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import type { Cookiegate } from '../core/types'
import { Actions } from './actions'
import type { Locale } from './i18n'
import { adopt } from './styles'

/**
 * WCAG 2.4.11 (Focus Not Obscured): while the banner is up, the page's `scroll-padding` reserves
 * its height, so the browser scrolls a focused element clear of the banner instead of under it,
 * and a spacer of that height after the page (before it, for a top banner) lets the last (first)
 * elements scroll clear too. A bottom spacer moves nothing that is on screen. A constructed
 * stylesheet on the document, since a style attribute would need `'unsafe-inline'`.
 */
function useScrollPadding(ref: { current: HTMLElement | null }, edge: 'top' | 'bottom', shown: boolean) {
  useLayoutEffect(() => {
    let banner = ref.current
    if (!banner || typeof ResizeObserver !== 'function') return
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
  }, [shown])
}

/**
 * First layer: a labelled, non-modal region fixed to an edge or corner (it never moves the page
 * and never takes focus). Accept all and Reject all share one style, so refusing is as easy as
 * accepting.
 */
export function Banner({ cg, locale }: { cg: Cookiegate; locale: Locale }) {
  let { t } = locale
  let { policyUrl, layout, position } = cg.config
  let ref = useRef<HTMLElement>(null)
  // The banner enters its (already present) polite live region a moment later, so screen readers
  // announce it once without focus moving.
  let [shown, setShown] = useState(false)
  useEffect(() => {
    let timer = setTimeout(() => setShown(true), 100)
    return () => clearTimeout(timer)
  }, [])
  useScrollPadding(ref, position.startsWith('top') ? 'top' : 'bottom', shown)
  return (
    <div class="cg-live" aria-live="polite">
      {shown && (
        <section
          ref={ref}
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
              {policyUrl && (
                <>
                  {' '}
                  <a class="cg-link" part="link" href={policyUrl}>
                    {t.policyLink}
                  </a>
                </>
              )}
            </p>
          </div>
          <Actions cg={cg} t={t}>
            <button type="button" class="cg-btn cg-btn-alt" part="button" aria-haspopup="dialog" onClick={cg.open}>
              {t.customise}
            </button>
          </Actions>
        </section>
      )}
    </div>
  )
}
