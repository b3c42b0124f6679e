/** examples/vue-vite: Vue 3 + Vite, the state through @nanostores/vue. */
import { join } from 'node:path'
import { buildApp, serveStatic } from './apps'
import { consentFlow } from './flow'

consentFlow(async () => serveStatic(join((await buildApp('vue-vite')).dir, 'dist')))
