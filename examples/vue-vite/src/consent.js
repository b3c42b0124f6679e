import { createCookiegate } from 'cookiegate'

// One instance for the app, made when the browser first loads this module (this app has no
// server rendering; with one, see the Next.js example).
export const cg = createCookiegate({ policyUrl: '/privacy' })

// The analytics code is fetched only once the visitor allows it, and at most once.
cg.whenAllowed('analytics').then(() => import('./analytics.js'))

// Vite dev server: editing this file runs it again; remove the old instance first.
if (import.meta.hot) import.meta.hot.dispose(() => cg.destroy())
