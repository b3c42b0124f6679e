import { type ComponentChildren, h } from 'preact'
import type { Cookiegate } from '../core/types'
import type { BannerTexts } from './texts'

/**
 * Accept all and Reject all, side by side in one style (neither is more prominent), followed by
 * the layer's own third action.
 */
export function Actions({ cg, t, children }: { cg: Cookiegate; t: BannerTexts; children: ComponentChildren }) {
  return (
    <div class="cg-actions" part="actions">
      <button type="button" class="cg-btn" part="button" onClick={cg.acceptAll}>
        {t.acceptAll}
      </button>
      <button type="button" class="cg-btn" part="button" onClick={cg.rejectAll}>
        {t.rejectAll}
      </button>
      {children}
    </div>
  )
}
