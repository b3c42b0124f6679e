/**
 * Public types, one file per concern in ./types/: the consent state, the config a site writes
 * (its integrations apart), the config after validation, and the instance.
 */
export type * from './types/state'
export type * from './types/config'
export type * from './types/integrations'
export type * from './types/resolved'
export type * from './types/instance'
