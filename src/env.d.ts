/** The package version, set by the build (vite.config.ts `define`). */
declare const __VERSION__: string
