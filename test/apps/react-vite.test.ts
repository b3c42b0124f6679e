/** examples/react-vite: React 19 (StrictMode) + Vite, the state through @nanostores/react. */
import { join } from 'node:path'
import { buildApp, serveStatic } from './apps'
import { consentFlow } from './flow'

consentFlow(async () => serveStatic(join((await buildApp('react-vite')).dir, 'dist')))
