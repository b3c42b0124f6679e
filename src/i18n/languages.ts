/**
 * Languages with a bundled translation besides English: src/i18n/<code>.ts (test/i18n/index.test.ts
 * checks the list). A module of its own so the core, which checks `language` against it, carries
 * nothing else of src/i18n.
 */
export const LANGUAGES = ['ar', 'cs', 'da', 'de', 'es', 'fi', 'fr', 'he', 'it', 'nl', 'pl', 'pt', 'sv']
