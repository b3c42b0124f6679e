import type { ReadableAtom } from 'nanostores'
import { useLayoutEffect, useState } from 'preact/hooks'

/**
 * Re-renders on every change of a nanostores atom. A few lines instead of @nanostores/preact,
 * whose extra bytes would land in every first visit.
 */
export function useStore<T>(store: ReadableAtom<T>): T {
  let [, setTick] = useState(0)
  useLayoutEffect(() => store.listen(() => setTick((n) => n + 1)), [store])
  return store.get()
}
