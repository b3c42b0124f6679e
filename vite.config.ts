import { readFileSync } from 'node:fs'
import { transform } from 'lightningcss'
import { defineConfig, type Plugin } from 'vite'

// dist/cookiegate.css: the same styles the UI adopts, minified, for npm users who style from a file.
const emitStylesheet = (): Plugin => ({
  name: 'cookiegate-css',
  generateBundle() {
    let { code } = transform({ filename: 'cookiegate.css', code: readFileSync('styles/index.css'), minify: true })
    this.emitFile({ type: 'asset', fileName: 'cookiegate.css', source: code })
  }
})

// Two passes (Vite cannot build an IIFE from several entries, and `external` applies to a whole build):
//   vite build             → dist/cookiegate.mjs + dist/core.mjs (ESM, dependencies external) + dist/cookiegate.css
//   vite build --mode iife → dist/cookiegate.js (the script-tag file, everything bundled)
export default defineConfig(({ mode }) => {
  let iife = mode === 'iife'
  return {
    plugins: iife ? [] : [emitStylesheet()],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    // nanostores reads process.env.NODE_ENV, which library mode leaves in place (vitejs/vite#8090).
    define: iife ? { 'process.env.NODE_ENV': '"production"' } : {},
    build: {
      target: 'es2020',
      cssTarget: ['chrome90', 'firefox90', 'safari15'],
      emptyOutDir: !iife,
      minify: true,
      sourcemap: false,
      lib: iife
        ? { entry: 'src/iife.ts', formats: ['iife'], name: 'CookiegateBundle', fileName: () => 'cookiegate.js' }
        : {
            entry: { cookiegate: 'src/index.ts', core: 'src/core/index.ts' },
            formats: ['es'],
            fileName: (_format, name) => `${name}.mjs`
          },
      rolldownOptions: {
        external: iife ? [] : [/^preact/, /^nanostores/, /^@nanostores\//, /^js-cookie/],
        output: { minify: true, chunkFileNames: 'shared-[hash].mjs' }
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
            // Gated inline scripts must really run; network loads stay off (no request leaves a unit test).
            environmentOptions: {
              happyDOM: { url: 'https://www.example.test/page', settings: { enableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableIframePageLoading: true, disableCSSFileLoading: true } }
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
