// @vitest-environment node
/** Runs after `npm run build`: what ships as cookiegate/server must run anywhere (no DOM, no packages, no node: modules). */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, test } from 'vitest'

/** Every module a built file imports, transitively, as [file, specifier]. */
function imports(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return []
  seen.add(file)
  let code = readFileSync(file, 'utf8')
  let found: string[] = []
  for (let [, spec] of code.matchAll(/(?:from|import)\s*\(?\s*["'`]([^"'`]+)["'`]/g)) {
    found.push(spec!)
    if (spec!.startsWith('.')) found.push(...imports(join(dirname(file), spec!), seen))
  }
  return found
}

describe('dist/server.mjs and dist/server/postgres.mjs', () => {
  test('import only their own chunks: no package, no node: module', () => {
    for (let entry of ['dist/server.mjs', 'dist/server/postgres.mjs']) {
      let specs = imports(entry)
      expect(specs.filter((s) => !s.startsWith('./') && !s.startsWith('../'))).toEqual([])
      // Nothing of the browser's: no js-cookie, nanostores or Preact pulled in through a chunk.
      let code = [entry, ...specs.map((s) => join(dirname(entry), s))].map((f) => readFileSync(f, 'utf8')).join('\n')
      expect(code).not.toMatch(/document\.cookie|nanostores|preact/)
    }
  })

  test('run in plain Node', async () => {
    let server = await import(/* @vite-ignore */ new URL('../../dist/server.mjs', import.meta.url).href)
    let postgres = await import(/* @vite-ignore */ new URL('../../dist/server/postgres.mjs', import.meta.url).href)
    expect(server.readConsent('cookiegate=%7B', {}).decided).toBe(false)
    expect(server.regionFromHeaders({ 'cf-ipcountry': 'FR' })).toBe('FR')
    expect(postgres.RECEIPTS_TABLE_SQL).toContain('CREATE TABLE IF NOT EXISTS cookiegate_receipts')
  })
})
