// @vitest-environment node
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { preloadLinks, preloadUrls, readConsent } from '../../src/server'

const { version } = JSON.parse(readFileSync('package.json', 'utf8'))

describe('preloadLinks', () => {
  test('preloads the banner file by the URL the loader imports, only while undecided', () => {
    let state = readConsent('', {})
    expect(preloadLinks(state, { base: '/' })).toBe(`<link rel="modulepreload" href="/cookiegate-ui-${version}.js" fetchpriority="low">`)
    expect(preloadLinks(state, { base: 'https://cdn.example.com/cg' })).toBe(`<link rel="modulepreload" href="https://cdn.example.com/cg/cookiegate-ui-${version}.js" fetchpriority="low">`)
    expect(preloadLinks({ ...state, decided: true }, { base: '/' })).toBe('')
    // No banner under Global Privacy Control or with the UI off.
    expect(preloadLinks(state, { base: '/', gpc: true })).toBe('')
    expect(preloadLinks(state, { base: '/', ui: false })).toBe('')
    expect(preloadUrls(state, { base: '/cg/' })).toEqual([`/cg/cookiegate-ui-${version}.js`])
    expect(preloadUrls({ decided: true }, { base: '/cg/' })).toEqual([])
  })

  test('escapes the base', () => {
    expect(preloadLinks(null, { base: '/"><script>/' })).not.toContain('"><script>')
  })
})
