import { eraseCookies, eraseStorage } from '../erase'
import { isOn } from '../model'
import type { ConsentState, ResolvedConfig } from '../types'

/**
 * Deletes the cookies and storage keys of every optional category and service that is not
 * allowed. One path for all of it: at start-up (leftovers of an expired or withdrawn choice, a
 * tag that ran before Cookiegate was added), on every change (a withdrawal) and when the stored
 * choice is read again.
 */
export function cleanup(config: ResolvedConfig): (state: ConsentState) => void {
  let optional = config.categories.filter((c) => !c.required)
  let items = [...optional, ...optional.flatMap((c) => c.services)]
  return (state) => {
    for (let item of items) {
      if (isOn(state, item.name)) continue
      eraseCookies(item.cookies)
      eraseStorage(item.storage)
    }
  }
}
