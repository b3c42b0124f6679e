// `npm run build`'s last step: one declaration file per package entry in dist/types/, bundled from
// the sources by rolldown-plugin-dts. tsc's own output (a .d.ts per source file, relative imports
// without extensions as the sources write them) does not resolve under `moduleResolution` node16
// or nodenext, and consumers with `skipLibCheck` then silently get `any`. The bundles import each
// other (shared chunks) with explicit `.js` specifiers and expose only what the entries export.
import { readdirSync, rmSync } from 'node:fs'
import { build } from 'rolldown'
import { dts } from 'rolldown-plugin-dts'

// The same entries as the ESM pass in vite.config.ts, named after their package.json `exports`.
const LANGUAGES = readdirSync('src/i18n').map((file) => file.replace(/\.ts$/, ''))
const input = {
  index: 'src/index.ts',
  'core/index': 'src/core/index.ts',
  'ui/index': 'src/ui/index.tsx',
  'integrations/posthog': 'src/integrations/posthog.ts',
  'integrations/google-consent-mode': 'src/integrations/google-consent-mode.ts',
  'integrations/clarity': 'src/integrations/clarity.ts',
  'integrations/meta-pixel': 'src/integrations/meta-pixel.ts',
  'integrations/microsoft-uet': 'src/integrations/microsoft-uet.ts',
  'server/index': 'src/server/index.ts',
  'server/postgres': 'src/server/postgres.ts',
  'testing/index': 'src/testing/index.ts',
  ...Object.fromEntries(LANGUAGES.map((lang) => [`i18n/${lang}`, `src/i18n/${lang}.ts`]))
}

rmSync('dist/types', { recursive: true, force: true })
await build({
  input,
  // Types of the dependencies stay imports of those packages.
  external: [/^preact/, /^nanostores/, /^js-cookie/, /^pg$/, /^playwright-core/, /^node:/],
  plugins: [dts({ tsconfig: 'tsconfig.build.json', emitDtsOnly: true })],
  output: { dir: 'dist/types', format: 'es', chunkFileNames: '_chunks/[name]-[hash].d.ts' },
  logLevel: 'warn',
  // The declaration step takes seconds by design (it type-checks); no need to report its timings.
  checks: { pluginTimings: false }
})
