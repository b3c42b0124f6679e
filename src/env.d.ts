/** The package version, set by the build (vite.config.ts `define`). */
declare const __VERSION__: string
/** The script-tag build's preferences chunk (`cookiegate-preferences-<hash>.js`), set by vite.config.ts. */
declare const __PREFERENCES__: string
