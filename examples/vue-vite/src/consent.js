import { createCookiegate } from 'cookiegate'

// Vite dev server: editing this file runs it again, and the new instance replaces the old one.
// (`import.meta.hot.dispose` would not run here: Vite disposes only the module that accepts the
// update, which is the component importing this file.)
import.meta.hot?.data.cg?.destroy()

// One instance for the app, made when the browser first loads this module (this app has no
// server rendering; with one, see the Next.js example).
export const cg = createCookiegate({ policyUrl: '/privacy' })
if (import.meta.hot) import.meta.hot.data.cg = cg

// The analytics code is fetched only once the visitor allows it, and at most once.
cg.whenAllowed('analytics').then(() => import('./analytics.js'))
