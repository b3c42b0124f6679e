import { Actions } from './actions'
import type { Cookiegate } from '../core/types'

/**
 * First layer: a labelled, non-modal region fixed to the viewport edge (it never moves the page).
 * Accept all, Reject all and Customise share one style, so refusing is as easy as accepting.
 */
export function Banner({ cg }: { cg: Cookiegate }) {
  let { texts, policyUrl } = cg.config
  return (
    <section class="cg-banner" aria-labelledby="cg-banner-title" aria-describedby="cg-banner-text">
      <h2 id="cg-banner-title" class="cg-title">
        {texts.bannerTitle}
      </h2>
      <p id="cg-banner-text" class="cg-text">
        {texts.bannerText}
        {policyUrl && (
          <>
            {' '}
            <a class="cg-link" href={policyUrl}>
              {texts.policyLink}
            </a>
          </>
        )}
      </p>
      <Actions cg={cg}>
        <button type="button" class="cg-btn" aria-haspopup="dialog" onClick={cg.open}>
          {texts.customise}
        </button>
      </Actions>
    </section>
  )
}
