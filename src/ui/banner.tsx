import { Actions } from './actions'
import type { Cookiegate, Texts } from '../core/types'

/**
 * First layer: a labelled, non-modal region fixed to the viewport edge (it never moves the page).
 * Accept all, Reject all and Customise share one style, so refusing is as easy as accepting.
 */
export function Banner({ cg, t }: { cg: Cookiegate; t: Texts }) {
  let { policyUrl } = cg.config
  return (
    <section class="cg-banner" aria-labelledby="cg-banner-title" aria-describedby="cg-banner-text">
      <h2 id="cg-banner-title" class="cg-title">
        {t.bannerTitle}
      </h2>
      <p id="cg-banner-text" class="cg-text">
        {t.bannerText}
        {policyUrl && (
          <>
            {' '}
            <a class="cg-link" href={policyUrl}>
              {t.policyLink}
            </a>
          </>
        )}
      </p>
      <Actions cg={cg} t={t}>
        <button type="button" class="cg-btn" aria-haspopup="dialog" onClick={cg.open}>
          {t.customise}
        </button>
      </Actions>
    </section>
  )
}
