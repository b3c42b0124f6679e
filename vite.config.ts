import { defineConfig } from 'vite'

// Two passes (Vite cannot build an IIFE from several entries, and `external` applies to a whole build):
//   vite build             → dist/cookiegate.mjs + dist/core.mjs (ESM, dependencies external) + dist/cookiegate.css
//   vite build --mode iife → dist/cookiegate.js (the script-tag file, everything bundled)
export default defineConfig(({ mode }) => {
  let iife = mode === 'iife'
  return {
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
        output: { minify: true }
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
            environmentOptions: { happyDOM: { url: 'https://www.example.test/page' } },
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
