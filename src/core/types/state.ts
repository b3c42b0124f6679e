/** The consent state and how a choice was made. */

/**
 * How a choice was made. `"gpc"` is the automatic refusal for Global Privacy Control and
 * `"opt-out"` the default of an opt-out region before any choice; neither is stored.
 */
export type ConsentMethod = 'accept-all' | 'reject-all' | 'custom' | 'gpc' | 'opt-out'

/**
 * The visitor's consent, as held in `instance.consent` and passed to `onChange` listeners
 * and the `cookiegate:change` event. `Category` and `Service` are the configured names
 * (any string when the config is not written out as a literal).
 *
 * ```js
 * cg.consent.get().categories.analytics // false until the visitor says yes
 * ```
 */
export interface ConsentState<Category extends string = string, Service extends string = string> {
  /** True once a choice is stored (or refused for Global Privacy Control). */
  decided: boolean
  /** Every configured category: required ones are always `true`, optional ones `false` until allowed. */
  categories: Record<Category, boolean>
  /** The config `revision` this choice was made under. */
  revision: number
  /** Random consent id (a UUID), to match proof of consent. `null` while undecided or under GPC. */
  id: string | null
  /** When the visitor first chose (ISO 8601), `null` while undecided. */
  given: string | null
  /** When the visitor last changed the choice (ISO 8601), `null` while undecided. */
  updated: string | null
  /** How the choice was made, `null` while undecided. */
  method: ConsentMethod | null
  /**
   * Every configured service (`categories.<name>.services`), `{}` when there are none. A category
   * with services is allowed when at least one of its services is.
   */
  services: Record<Service, boolean>
}
