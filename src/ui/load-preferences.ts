/**
 * The preferences (modal, switches, cookie tables and their styles) are a chunk of their own:
 * most visitors answer the banner with Accept all or Reject all, so the banner does not wait for
 * them. The chunk is fetched on intent (pointer on or focus in Customise or a settings link) and
 * when the preferences open.
 */
type PreferencesModule = typeof import('./preferences')

let loaded: PreferencesModule | undefined
let loading: Promise<PreferencesModule> | undefined

/** The preferences module once it has loaded, else undefined. */
export const preferences = (): PreferencesModule | undefined => loaded

/** Starts (or joins) the download; a failed one is tried again on the next call. */
export const loadPreferences = (): Promise<PreferencesModule> =>
  (loading ||= import('./preferences').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined
      throw error
    }
  ))
