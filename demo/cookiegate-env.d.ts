/**
 * Types for `import … from 'cookiegate'` in the demo. Vite resolves that import to src/index.ts
 * (demo/vite.config.ts); TypeScript resolves it to dist/types once `npm run build` has emitted
 * them, and falls back to this declaration before that.
 */
declare module 'cookiegate' {
  export type Config = import('../src/index').Config
  export type ConsentState = import('../src/index').ConsentState
  export type Cookiegate = import('../src/index').Cookiegate
  export const createCookiegate: typeof import('../src/index').createCookiegate
}
