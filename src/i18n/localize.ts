import type { Localized } from '../core/types'
import { base } from './index'

/**
 * A config text in the visitor's language: exact, then base language, then English, then any.
 * Not in ./index: the banner shows no config text, so this comes with the preferences chunk
 * (and the embed placeholders) rather than in the banner's file.
 */
export const localize = (value: Localized | undefined, lang: string): string | undefined =>
  typeof value === 'object' ? (value[lang] ?? value[base(lang)] ?? value.en ?? Object.values(value)[0]) : value

/** The name of a category or service without a label, as the preferences and the placeholders show it: `marketing` → "Marketing". */
export const nameLabel = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1)
