import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { transform } from 'lightningcss'
import { defineConfig, type LibraryOptions, type Plugin } from 'vite'

const { version } = JSON.parse(readFileSync('package.json', 'utf8'))
// One small file per bundled language (src/i18n/<code>.ts); the UI imports only the one it shows.
const LANGUAGES = readdirSync('src/i18n').map((file) => file.replace(/\.ts$/, ''))

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

// The script-tag file fetches what only a choice being made needs (src/core/lazy.ts) from its own folder.
const lazyFromFolder = (): Plugin => ({
  name: 'cookiegate-lazy-from-folder',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === './lazy' && importer && /[\\/]src[\\/]core[\\/]/.test(importer)) return this.resolve('../lazy-iife', importer)
  }
})

// The preferences chunk imports Preact and the rest from cookiegate-ui.js, which the loader
// imports as `cookiegate-ui.js?v=<version>`: the chunk must ask for that same URL, or the browser
// would fetch and run a second copy of the UI (and of Preact) beside the first.
const sameUIUrl = (): Plugin => ({
  name: 'cookiegate-same-ui-url',
  generateBundle(_options, bundle) {
    for (let chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk' || chunk.fileName === 'cookiegate-ui.js') continue
      chunk.code = chunk.code.replace(/(["'`])\.\/cookiegate-ui\.js\1/g, `$1./cookiegate-ui.js?v=${version}$1`)
    }
  }
})

// V8's explicit compile hint (Chrome 136+; other engines read a comment): nearly every function
// of the loader and of the UI runs as soon as the file does, so compile them all eagerly, off the
// main thread while the file streams in, instead of one by one on first call. Measured with
// scripts in this repo at 4× CPU: the banner shows about 100 ms sooner after DOMContentLoaded.
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n'
const compileHint = (files: RegExp): Plugin => ({
  name: 'cookiegate-compile-hint',
  generateBundle(_options, bundle) {
    let chunks = Object.values(bundle).filter((chunk) => chunk.type === 'chunk' && files.test(chunk.fileName))
    if (!chunks.length) this.error(`compile hint: no file matches ${files}`)
    for (let chunk of chunks) if (chunk.type === 'chunk') chunk.code = COMPILE_HINT + chunk.code
  }
})

// Three passes, in this order (Vite cannot build an IIFE from several entries, and `external`
// applies to a whole build):
//   vite build             → dist/cookiegate.mjs, core.mjs, ui.mjs (ESM, dependencies external) + cookiegate.css
//   vite build --mode ui   → dist/cookiegate-ui.js: the banner the loader imports on first need, Preact bundled in,
//                            dist/cookiegate-preferences-<hash>.js, the preferences it imports on intent or open,
//                            dist/cookiegate-posthog.js, which the loader imports once PostHog is allowed,
//                            dist/cookiegate-embeds.js, for the placeholders of embeds not yet allowed,
//                            dist/cookiegate-receipts.js, which it imports to send a proof-of-consent receipt,
//                            and dist/i18n/<code>-<hash>.js, the one language the UI then imports
//   vite build --mode iife → dist/cookiegate.js: the script-tag file, the core only
// The ESM pass emits dist/i18n/<code>.mjs as entries (`cookiegate/i18n/de`), which ui.mjs imports.
// The loader imports the preferences chunk by its hashed name, so the ui pass runs before the
// iife pass (package.json "build") and the iife pass reads the name from dist/.
const preferencesFile = (mode: string): string => {
  if (mode !== 'iife') return 'cookiegate-preferences.js'
  // The newest, should an earlier ui pass have left one behind.
  let [file] = (existsSync('dist') ? readdirSync('dist') : [])
    .filter((name) => /^cookiegate-preferences-[\w-]+\.js$/.test(name))
    .sort((a, b) => statSync(`dist/${b}`).mtimeMs - statSync(`dist/${a}`).mtimeMs)
  if (!file) throw new Error('dist/cookiegate-preferences-<hash>.js is missing: run `vite build --mode ui` before `vite build --mode iife`')
  return file
}

export default defineConfig(({ mode }) => {
  // `--mode node`: cookiegate/testing and the `cookiegate` bin, for Node only; built on their own so
  // that what they share with the core does not split the browser entries into more chunks.
  let node = mode === 'node'
  let esm = mode !== 'iife' && mode !== 'ui' && !node
  return {
    plugins: esm
      ? [emitStylesheet()]
      : node
        ? []
        : [localNanostoresEpoch(), ...(mode === 'iife' ? [lazyFromFolder(), compileHint(/^cookiegate\.js$/)] : [sameUIUrl(), compileHint(/^cookiegate-(ui|preferences-[\w-]+)\.js$/)])],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    define: {
      __VERSION__: JSON.stringify(version),
      __PREFERENCES__: JSON.stringify(preferencesFile(mode)),
      // nanostores reads process.env.NODE_ENV, which library mode leaves in place (vitejs/vite#8090).
      ...(esm || node ? {} : { 'process.env.NODE_ENV': '"production"' })
    },
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
          : mode === 'ui'
            ? {
                entry: {
                  'cookiegate-ui': 'src/ui/index.tsx',
                  'cookiegate-posthog': 'src/integrations/posthog.ts',
                  'cookiegate-embeds': 'src/core/embeds.ts',
                  'cookiegate-receipts': 'src/core/receipts.ts'
                },
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
                  ...Object.fromEntries(LANGUAGES.map((lang) => [`i18n/${lang}`, `src/i18n/${lang}.ts`]))
                },
                formats: ['es'],
                fileName: (_format, name) => `${name}.mjs`
              }) as LibraryOptions,
      rolldownOptions: {
        // A lazily imported chunk may import what it shares with the entry from the entry itself
        // (cookiegate-preferences → cookiegate-ui), instead of both importing a third file.
        preserveEntrySignatures: 'allow-extension',
        external: esm ? [/^preact/, /^nanostores/, /^js-cookie/] : node ? [/^playwright-core/, /^node:/, /^js-cookie/, /^nanostores/] : [],
        output: {
          minify: true,
          // In the ui pass, the only lazy chunks are languages; anything shared keeps our prefix.
          chunkFileNames: (chunk) =>
            mode !== 'ui' ? '[name]-[hash].mjs' : LANGUAGES.includes(chunk.name) ? 'i18n/[name]-[hash].js' : 'cookiegate-[name]-[hash].js'
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
            exclude: ['test/browser/**'],
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
        }
      ]
    }
  }
})
