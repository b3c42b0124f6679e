import { render } from 'preact'
import type { Cookiegate } from '../core/types'
import { Banner } from './banner'
import { Preferences } from './preferences'
import { adoptStyles } from './styles'
import { TEXTS } from './texts'
import { useStore } from './use-store'

function App({ cg }: { cg: Cookiegate }) {
  let view = useStore(cg.view)
  let { decided } = useStore(cg.consent)
  let t = { ...TEXTS, ...cg.config.texts }
  // The banner stays under the open preferences, so Esc hands focus back to its Customise button.
  return (
    <>
      {(view === 'banner' || (view === 'preferences' && !decided)) && <Banner cg={cg} t={t} />}
      {view === 'preferences' && <Preferences cg={cg} t={t} />}
    </>
  )
}

/**
 * Renders the banner and the preferences for an instance, following its `view` store.
 * The only caller of Preact's `render`. Returns the unmount.
 */
export function mountUI(cg: Cookiegate): () => void {
  let host: HTMLElement | undefined
  let unstyle: (() => void) | undefined
  let mount = () => {
    unstyle = adoptStyles()
    host = document.createElement('div')
    host.id = 'cookiegate'
    // `ph-no-capture`: PostHog's autocapture skips the consent UI, so the click that withdraws
    // consent is not itself recorded (https://posthog.com/docs/product-analytics/autocapture).
    host.className = 'cg-root ph-no-capture'
    document.body.append(host)
    render(<App cg={cg} />, host)
  }
  // The UI needs <body>; the core does not wait for it.
  if (document.body) mount()
  else document.addEventListener('DOMContentLoaded', mount, { once: true })
  return () => {
    document.removeEventListener('DOMContentLoaded', mount)
    if (host) {
      render(null, host)
      host.remove()
    }
    unstyle?.()
  }
}
