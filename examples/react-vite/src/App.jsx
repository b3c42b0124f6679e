import { useStore } from '@nanostores/react'
import { cg } from './consent.js'

export function App() {
  // Re-renders on every change of the visitor's choice.
  const consent = useStore(cg.consent)
  const analytics = !consent.decided ? 'not decided' : consent.categories.analytics ? 'on' : 'off'
  return (
    <>
      <main>
        <h1>Cookiegate + React</h1>
        <p id="analytics-state">Analytics: {analytics}</p>
      </main>
      <footer>
        <button type="button" data-cookie-settings>Cookie settings</button>
      </footer>
    </>
  )
}
