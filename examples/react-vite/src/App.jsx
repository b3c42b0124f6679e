import { useStore } from '@nanostores/react'
import { useState } from 'react'
import { cg } from './consent.js'

export function App() {
  // Re-renders on every change of the visitor's choice.
  const consent = useStore(cg.consent)
  const analytics = !consent.decided ? 'not decided' : consent.categories.analytics ? 'on' : 'off'
  // An embed React mounts and unmounts: Cookiegate gives it its `src` once analytics is allowed,
  // and a placeholder while it is not.
  const [tour, setTour] = useState(true)
  return (
    <>
      <main>
        <h1>Cookiegate + React</h1>
        <p id="analytics-state">Analytics: {analytics}</p>
        <button type="button" onClick={() => setTour(!tour)}>
          {tour ? 'Hide the tour' : 'Show the tour'}
        </button>
        {tour && <iframe data-category="analytics" data-src="/tour.html" title="Product tour" width="560" height="315" />}
      </main>
      <footer>
        <button type="button" data-cookie-settings>Cookie settings</button>
      </footer>
    </>
  )
}
