/** A Cookiegate instance. */
import type { ReadableAtom } from 'nanostores'
import type { ConsentState } from './state'
import type { ResolvedConfig } from './resolved'

/** What the UI shows: nothing, the first-layer banner, or the preferences modal. */
export type View = 'none' | 'banner' | 'preferences'

/** The categories a config without `categories` gets. */
export type DefaultCategory = 'essential' | 'analytics'

/**
 * A Cookiegate instance, as returned by `createCookiegate` and exposed as `window.Cookiegate`.
 * `Category` and `Service` are the configured names (see `Config`).
 */
export interface Cookiegate<Category extends string = string, Service extends string = string> {
  /** Nanostores store of the consent state. */
  readonly consent: ReadableAtom<ConsentState<Category, Service>>
  /** Nanostores store of what the UI shows. */
  readonly view: ReadableAtom<View>
  /** The validated config. */
  readonly config: ResolvedConfig
  /** True only when that category or service is allowed now. */
  allowed(name: Category | Service): boolean
  /** Allow every category and store the choice. */
  acceptAll(): void
  /** Refuse every optional category and store the choice. */
  rejectAll(): void
  /**
   * Store a choice; categories left out are refused. A category's value goes to all its
   * services unless a service is named: `cg.save({ analytics: true, posthog: false })`
   */
  save(choice: Partial<Record<Category | Service, boolean>>): void
  /**
   * Allow exactly this category or service and store the choice; every other answer stays as it
   * is (what an embed placeholder's "Always allow" does). A category's services come with it.
   */
  allow(name: Category | Service): void
  /** Show the preferences modal. */
  open(): void
  /** Hide the preferences modal (the banner comes back while undecided). */
  close(): void
  /** Called with the state on every change; returns an unsubscribe function. */
  onChange(listener: (state: ConsentState<Category, Service>) => void): () => void
  /** Resolves once the category or service is allowed (at once if it already is). */
  whenAllowed(name: Category | Service): Promise<void>
  /** Forget the stored choice and ask again. */
  reset(): void
  /** Unmount the UI and remove every listener and observer. */
  destroy(): void
}
