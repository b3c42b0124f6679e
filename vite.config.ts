import { readFileSync } from 'node:fs'
import { Features, transform } from 'lightningcss'
import { defineConfig, type LibraryOptions, type Plugin } from 'vite'
import { fileName, type Part } from './src/files.ts'
// One small file per bundled language (src/i18n/<code>.ts); the UI imports only the one it shows.
import { LANGUAGES } from './src/i18n/languages.ts'

const { version } = JSON.parse(readFileSync('package.json', 'utf8'))

// dist/cookiegate.css: the same styles the UI adopts (banner, then preferences), minified, for npm users who style from a file.
const emitStylesheet = (): Plugin => ({
  name: 'cookiegate-css',
  generateBundle() {
    let css = ['index', 'preferences'].map((name) => readFileSync(`styles/${name}.css`, 'utf8')).join('\n')
    let { code } = transform({ filename: 'cookiegate.css', code: Buffer.from(css), minify: true })
    this.emitFile({ type: 'asset', fileName: 'cookiegate.css', source: code })
  }
})

// nanostores 1.5 keeps a shared epoch in `globalThis.nanostoresGlobal`, so that copies of it in
// one page agree. The script-tag files hold one copy, and must add no global but
// `window.Cookiegate`: keep the epoch local there. Fails the build if nanostores changes that line.
const NANOSTORES_GLOBAL = 'globalThis.nanostoresGlobal ||= { epoch: 0 }'
const localNanostoresEpoch = (): Plugin => ({
  name: 'cookiegate-local-nanostores-epoch',
  transform(code, id) {
    if (!/nanostores[\\/]atom[\\/]index\.js$/.test(id)) return
    if (!code.includes(NANOSTORES_GLOBAL)) this.error(`nanostores no longer sets "${NANOSTORES_GLOBAL}": update ${id} handling`)
    return code.replace(NANOSTORES_GLOBAL, '{ epoch: 0 }')
  }
})

// V8's explicit compile hint (Chrome 136+; other engines read a comment): nearly every function
// of the loader runs as soon as the file does, so compile them all eagerly, off the main thread
// while the file streams in, instead of one by one on first call. Measured with scripts in this
// repo at 4× CPU: the banner shows about 100 ms sooner after DOMContentLoaded. Not on the UI and
// the preferences (issue #15): imported modules, they showed no measurable gain at 4× (banner
// time, click to open preferences), the UI's module compile on the main thread took ~0.9 ms
// longer with it, and the line costs 22 B gzip in each.
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n'
const compileHint = (files: RegExp): Plugin => ({
  name: 'cookiegate-compile-hint',
  generateBundle(_options, bundle) {
    let chunks = Object.values(bundle).filter((chunk) => chunk.type === 'chunk' && files.test(chunk.fileName))
    if (!chunks.length) this.error(`compile hint: no file matches ${files}`)
    for (let chunk of chunks) if (chunk.type === 'chunk') chunk.code = COMPILE_HINT + chunk.code
  }
})

// Four passes (Vite cannot build an IIFE from several entries, and `external` applies to a whole
// build). None reads another's output: the script-tag files are named from the version alone
// (src/files.ts), so they can run in any order once the first has emptied dist/.
//   vite build               → dist/cookiegate.mjs, core.mjs, ui.mjs (ESM, dependencies external) + cookiegate.css
//   vite build --mode ui     → dist/cookiegate-ui-<version>.js: the banner the loader imports on first need, Preact bundled in,
//                              dist/cookiegate-preferences-<version>.js, the chunk it imports on intent or open (and
//                              the loader beside it), which imports Preact and the rest from it,
//                              dist/cookiegate-posthog-<version>.js, which the loader imports once PostHog is allowed,
//                              dist/cookiegate-receipts-<version>.js, which it imports to send a proof-of-consent receipt,
//                              dist/cookiegate-messages-<version>.js, the words of config problems, for a bad config only,
//                              and dist/i18n/<code>-<version>.js, the one language the UI then imports
//   vite build --mode embeds → dist/cookiegate-embeds-<version>.js, for the placeholders of embeds not yet allowed: a pass
//                              of its own, as it shares the language code (src/i18n) with the UI and must not import it
//   vite build --mode iife   → dist/cookiegate.js: the script-tag file, the core only
// The ESM pass emits dist/i18n/<code>.mjs as entries (`cookiegate/i18n/de`), which ui.mjs imports.
// The preferences are not an entry but the UI's chunk (src/ui/load-preferences.ts), named in
// chunkFileNames below: as an entry they would share Preact with the UI through a third file.
type Entry = Exclude<Part, 'preferences'>
const scriptTagFiles = (parts: Entry[]) => Object.fromEntries(parts.map((part) => [fileName(part, version).replace(/\.js$/, ''), PARTS[part]]))
const PARTS: Record<Entry, string> = {
  ui: 'src/ui/index.tsx',
  posthog: 'src/integrations/posthog.ts',
  receipts: 'src/core/receipts.ts',
  embeds: 'src/embeds/placeholder.ts',
  clarity: 'src/integrations/clarity.ts',
  'meta-pixel': 'src/integrations/meta-pixel.ts',
  'microsoft-uet': 'src/integrations/microsoft-uet.ts',
  messages: 'src/core/config/messages.ts'
}

export default defineConfig(({ mode }) => {
  // `--mode node`: cookiegate/testing and the `cookiegate` bin, for Node only; built on their own so
  // that what they share with the core does not split the browser entries into more chunks.
  let node = mode === 'node'
  let esm = !['ui', 'embeds', 'iife', 'node'].includes(mode)
  return {
    plugins: esm
      ? [emitStylesheet()]
      : node
        ? []
        : [
          localNanostoresEpoch(),
          ...(mode === 'iife' ? [compileHint(/^cookiegate\.js$/)] : [])
        ],
    // Classic JSX with Preact's own h() (tsconfig.json agrees): no second element factory from
    // preact/jsx-runtime in the shipped files. Each .tsx imports `h`.
    oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' } },
    define: {
      __VERSION__: JSON.stringify(version),
      // nanostores reads process.env.NODE_ENV, which library mode leaves in place (vitejs/vite#8090).
      ...(esm || node ? {} : { 'process.env.NODE_ENV': '"production"' })
    },
    // For `color-scheme` (the banner's light and dark roots) lightningcss would add two
    // --lightningcss-* variables per root that only its light-dark() fallback reads; we write no
    // light-dark(), so they are bytes for nothing in the UI's inlined styles.
    css: { lightningcss: { exclude: Features.LightDark } },
    build: {
      target: 'es2020',
      cssTarget: ['chrome90', 'firefox90', 'safari15'],
      emptyOutDir: esm,
      minify: true,
      sourcemap: false,
      lib: (node
        ? { entry: { testing: 'src/testing/index.ts', scan: 'src/testing/scan.ts' }, formats: ['es'], fileName: (_format: string, name: string) => `${name}.mjs` }
        : mode === 'iife'
          ? { entry: 'src/iife.ts', formats: ['iife'], name: 'CookiegateBundle', fileName: () => 'cookiegate.js' }
          : mode === 'ui' || mode === 'embeds'
            ? {
                entry: scriptTagFiles(mode === 'ui' ? ['ui', 'posthog', 'clarity', 'meta-pixel', 'microsoft-uet', 'receipts', 'messages'] : ['embeds']),
                formats: ['es'],
                fileName: (_format, name) => `${name}.js`
              }
            : {
                entry: {
                  cookiegate: 'src/index.ts',
                  core: 'src/core/index.ts',
                  ui: 'src/ui/index.tsx',
                  'integrations/posthog': 'src/integrations/posthog.ts',
                  'integrations/google-consent-mode': 'src/integrations/google-consent-mode.ts',
                  'integrations/clarity': 'src/integrations/clarity.ts',
                  'integrations/meta-pixel': 'src/integrations/meta-pixel.ts',
                  'integrations/microsoft-uet': 'src/integrations/microsoft-uet.ts',
                  // cookiegate/server: no DOM, no dependencies (README "Server").
                  server: 'src/server/index.ts',
                  'server/postgres': 'src/server/postgres.ts',
                  ...Object.fromEntries(LANGUAGES.map((lang) => [`i18n/${lang}`, `src/i18n/${lang}.ts`]))
                },
                formats: ['es'],
                fileName: (_format, name) => `${name}.mjs`
              }) as LibraryOptions,
      rolldownOptions: {
        // Script tag: an entry may import what it shares with another from that entry itself
        // (cookiegate-preferences → cookiegate-ui), instead of both importing a third file.
        // npm: an entry exports exactly what its source does (no internal `t` beside
        // `createConsent`); what entries and chunks share goes to a chunk of its own.
        preserveEntrySignatures: esm || node ? 'strict' : 'allow-extension',
        external: esm ? [/^preact/, /^nanostores/, /^js-cookie/] : node ? [/^playwright-core/, /^node:/, /^js-cookie/, /^nanostores/] : [],
        output: {
          minify: true,
          // The script-tag files of the ui pass are final, never bundled again: the minifier's
          // `/* @__PURE__ */` marks (one per JSX element) are bytes no browser reads.
          ...(mode === 'ui' ? { comments: { annotation: false } } : {}),
          // In the ui pass, the only lazy chunks are the preferences and the languages; anything
          // shared keeps our prefix. The languages are named from the version, as the parts are:
          // hashes in the UI's table of the 13 files would be some 110 B gzip of random letters.
          chunkFileNames: (chunk) =>
            esm || node
              ? '[name]-[hash].mjs'
              : chunk.name === 'preferences'
                ? fileName('preferences', version)
                : LANGUAGES.includes(chunk.name)
                  ? `i18n/[name]-${version}.js`
                  : 'cookiegate-[name]-[hash].js'
        }
      }
    },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['test/**/*.test.{ts,tsx}'],
            exclude: ['test/browser/**', 'test/apps/**', 'test/package/**'],
            environment: 'happy-dom',
            // Property and model-based suites run thousands of cases; CI machines are small and shared.
            testTimeout: 60000,
            // Gated inline scripts must really run; network loads stay off (no request leaves a unit test).
            environmentOptions: {
              happyDOM: {
                url: 'https://www.example.test/page',
                settings: {
                  enableJavaScriptEvaluation: true,
                  disableJavaScriptFileLoading: true,
                  disableIframePageLoading: true,
                  disableCSSFileLoading: true
                }
              }
            },
            setupFiles: ['test/setup.ts']
          }
        },
        {
          extends: true,
          test: {
            name: 'browser',
            include: ['test/browser/**/*.test.ts'],
            environment: 'node',
            testTimeout: 30000,
            hookTimeout: 60000,
            fileParallelism: false
          }
        },
        {
          extends: true,
          test: {
            // examples/* installed from the packed tarball, built and driven in Chromium (test/apps/).
            name: 'apps',
            include: ['test/apps/**/*.test.ts'],
            environment: 'node',
            globalSetup: ['test/apps/pack.ts'],
            testTimeout: 30000,
            // npm ci + the app's build run in beforeAll (Next.js: about a minute); the three apps
            // install and build side by side (measured: 143 s instead of 199 s one after another).
            hookTimeout: 300000,
            maxWorkers: 3
          }
        },
        {
          extends: true,
          test: {
            // The packed tarball installed in a temp project (test/package/package.test.ts).
            name: 'package',
            include: ['test/package/**/*.test.ts'],
            environment: 'node',
            testTimeout: 120000,
            hookTimeout: 300000
          }
        }
      ]
    }
  }
})
