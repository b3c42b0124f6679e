import type { MountUI } from './consent'
import { loadError } from './load-error'

/**
 * A `MountUI` that downloads the real UI only when there is something to show: the banner on a
 * first visit (at once, as early as possible), the preferences when opened. A returning visitor
 * never downloads it. Pointing at or focusing a settings link starts the download early, so the
 * preferences open without a visible delay. `preloadPreferences` fetches the preferences chunk,
 * which the UI would otherwise only request once it has loaded itself: on intent and on open
 * both downloads run side by side.
 */
export function lazyMount(
  load: () => Promise<{ mountUI: MountUI }>,
  preloadPreferences?: () => Promise<unknown>,
  /** The file `load` fetches, for the console error that names it. */
  file = 'the UI chunk'
): MountUI {
  return (cg) => {
    if (!cg.config.ui) return () => {}
    let loading: Promise<{ mountUI: MountUI }> | undefined
    let unmount: (() => void) | undefined
    let stopped = false
    let fetchUI = () =>
      (loading ||= load().catch((error: unknown) => {
        // Nothing optional runs without a choice, so a missing UI file fails closed; a later
        // open() tries again.
        loading = undefined
        console.error(loadError(file, error), error)
        throw error
      }))
    let fetchPreferences = () => preloadPreferences?.().catch(() => {})
    let show = (view: string) => {
      if (view === 'preferences') fetchPreferences()
      fetchUI().then(
        (ui) => {
          if (!stopped && !unmount) unmount = ui.mountUI(cg)
        },
        () => {
          // Preferences that cannot open are closed again, so that the next open() (the
          // settings link once more) changes the view and tries the download again.
          if (!stopped && view === 'preferences' && cg.view.get() === view) cg.close()
        }
      )
    }
    let onIntent = (event: Event) => {
      let target = event.target
      if (target instanceof Element && target.closest('[data-cookie-settings]')) {
        fetchUI().catch(() => {})
        fetchPreferences()
      }
    }
    let unsubscribe = cg.view.subscribe((view) => {
      if (view !== 'none') show(view)
    })
    document.addEventListener('pointerover', onIntent, true)
    document.addEventListener('focusin', onIntent, true)
    return () => {
      stopped = true
      unsubscribe()
      document.removeEventListener('pointerover', onIntent, true)
      document.removeEventListener('focusin', onIntent, true)
      unmount?.()
    }
  }
}
