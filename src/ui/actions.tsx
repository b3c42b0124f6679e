import type { ComponentChildren } from 'preact'
import type { Cookiegate } from '../core/types'

/**
 * Accept all and Reject all, side by side in one style (neither is more prominent), followed by
 * the layer's own third action.
 */
export function Actions({ cg, children }: { cg: Cookiegate; children: ComponentChildren }) {
  let { texts } = cg.config
  return (
    <div class="cg-actions">
      <button type="button" class="cg-btn" onClick={cg.acceptAll}>
        {texts.acceptAll}
      </button>
      <button type="button" class="cg-btn" onClick={cg.rejectAll}>
        {texts.rejectAll}
      </button>
      {children}
    </div>
  )
}
