import { isOn, type Effect } from '../model'

/**
 * `reloadOnWithdraw`: a script that already ran cannot be unloaded, so a withdrawal of something
 * whose tags ran on this page reloads it (the reloaded page runs none of them).
 */
export const reload =
  (activated: ReadonlySet<string>): Effect =>
  (state, prev) => {
    for (let name of activated) if (isOn(prev, name) && !isOn(state, name)) return location.reload()
  }
