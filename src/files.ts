/**
 * The names of the files the script-tag loader fetches from its own folder on first need. The
 * build names them so (vite.config.ts), the loader asks for them so, and the server's
 * `preloadLinks` links them so, each knowing only the package version: no pass reads another's
 * output. The version in the name, not in a query, keeps a cached file of another release away
 * from this loader, and lets the files import each other (the preferences import Preact from the
 * UI file) by the very URL the loader used: one copy of each module, and a preload that is reused.
 */
export type Part = 'ui' | 'preferences' | 'embeds' | 'receipts' | 'posthog' | 'clarity' | 'meta-pixel' | 'microsoft-uet' | 'messages'

export const fileName = (part: Part, version: string): string => `cookiegate-${part}-${version}.js`
