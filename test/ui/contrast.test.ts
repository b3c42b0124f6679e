/**
 * The built-in palettes, read from the stylesheets themselves (styles/index.css, and the switches'
 * colours from styles/preferences.css): every text pair keeps WCAG AA contrast.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'

const sheets = ['index', 'preferences'].map((name) => readFileSync(`styles/${name}.css`, 'utf8'))

/** `--_bg: var(--cg-bg, #ffffff)` → { bg: '#ffffff' } for the first rule block of a selector in each sheet. */
const palette = (selector: string): Record<string, string> =>
  Object.assign(
    {},
    ...sheets.map((css) => {
      let at = css.indexOf(selector + ' {')
      let block = at < 0 ? '' : css.slice(at).split('}')[0]!
      return Object.fromEntries([...block.matchAll(/--_([\w-]+): var\(--cg-[\w-]+, (#[0-9a-f]{6})\)/g)].map((m) => [m[1]!, m[2]!]))
    })
  )
const light = palette('.cg-root')
const dark = { ...light, ...palette('.cg-dark') }

// WCAG 2.x relative luminance and contrast ratio.
const luminance = (hex: string) => {
  let [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}
const ratio = (a: string, b: string) => {
  let [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p)
  return (x! + 0.05) / (y! + 0.05)
}

// [text, background, minimum]: 4.5:1 for text, 3:1 for switches and the focus ring (WCAG 1.4.11).
const PAIRS: [string, string, number][] = [
  ['fg', 'bg', 4.5],
  ['muted', 'bg', 4.5],
  ['muted', 'surface', 4.5],
  ['fg', 'surface', 4.5],
  ['link', 'bg', 4.5],
  ['btn-fg', 'btn-bg', 4.5],
  ['btn-fg', 'btn-hover', 4.5],
  ['switch-off', 'bg', 3],
  ['switch-on', 'bg', 3],
  ['focus', 'bg', 3]
]

describe('colour contrast', () => {
  for (let [name, colours] of [
    ['light', light],
    ['dark', dark]
  ] as const) {
    test(`the ${name} palette keeps AA contrast for text, switches and focus`, () => {
      expect(Object.keys(colours).length).toBeGreaterThan(10)
      // Every colour of a pair is in the palette (a missing one would compare as NaN and pass).
      expect(PAIRS.flatMap(([a, b]) => [a, b]).filter((name) => !colours[name])).toEqual([])
      let failing = PAIRS.filter(([a, b, min]) => ratio(colours[a]!, colours[b]!) < min).map(
        ([a, b]) => `${a} on ${b}: ${ratio(colours[a]!, colours[b]!).toFixed(2)}`
      )
      expect(failing).toEqual([])
    })
  }
})
