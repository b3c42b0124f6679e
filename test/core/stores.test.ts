/**
 * `cg.consent` and `cg.view` are read directly by framework bindings: `useStore` of
 * @nanostores/react and @nanostores/vue, and Svelte's `$consent`, which needs only the store
 * contract (https://svelte.dev/docs/svelte/stores#Store-contract): `subscribe(fn)` calls `fn`
 * at once with the current value, again on every change, and returns a function that stops it.
 */
import { describe, expect, test } from 'vitest'
import type { ConsentState } from '../../src/core/types'
import { useInstances } from '../instances'

const create = useInstances()

describe('stores meet the Svelte store contract', () => {
  test('consent: subscribe calls at once with the state, on each change, and stops on unsubscribe', () => {
    let cg = create()
    let seen: ConsentState[] = []
    let unsubscribe = cg.consent.subscribe((state) => seen.push(state))
    expect(seen).toEqual([cg.consent.get()])
    expect(seen[0]!.decided).toBe(false)
    expect(typeof unsubscribe).toBe('function')

    cg.acceptAll()
    expect(seen).toHaveLength(2)
    expect(seen[1]!.categories.analytics).toBe(true)

    unsubscribe()
    cg.rejectAll()
    expect(seen).toHaveLength(2)
    expect(cg.consent.get().categories.analytics).toBe(false)
  })

  test('view: subscribe follows what the UI shows', () => {
    let cg = create()
    let seen: string[] = []
    let unsubscribe = cg.view.subscribe((view) => seen.push(view))
    cg.open()
    unsubscribe()
    cg.close()
    expect(seen).toEqual(['banner', 'preferences'])
  })
})
