import type { Effect } from '../model'
import type { ConsentState } from '../types'

export const emit = (type: 'cookiegate:ready' | 'cookiegate:change', detail: ConsentState): void => {
  document.dispatchEvent(new CustomEvent(type, { detail }))
}

/** `cookiegate:change` on `document`, once per change. */
export const events: Effect = (state) => emit('cookiegate:change', state)
