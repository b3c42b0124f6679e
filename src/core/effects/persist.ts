import { isRecorded, type Effect } from '../model'
import type { ChoiceStore } from '../storage'
import type { Sync } from '../sync'

/**
 * The cookie follows the state: a choice made on this page is written, a reset (or any state
 * that is not a recorded choice) clears it, and the other tabs are told. A state that was read
 * from the cookie is not written back.
 */
export const persist =
  (store: ChoiceStore, sync: Pick<Sync, 'notify'>): Effect =>
  (state, _prev, cause) => {
    if (cause !== 'local') return
    if (isRecorded(state)) store.write(state)
    else store.clear()
    sync.notify()
  }
