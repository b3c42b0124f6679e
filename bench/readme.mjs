#!/usr/bin/env node
/**
 * Copies the measured numbers into README.md, between markers, so no number there is typed by hand:
 *
 *   node bench/readme.mjs                        (`npm run bench` ends with it; again after a change of dist/)
 *   node bench/readme.mjs --check                exit 1 if README.md is not what this would write
 *
 * - `<!-- size:start -->` … `<!-- size:end -->` ("Size and speed"): the gzip column of the file table
 *   and the sentence under it. gzip -9 per file, summed, as size-limit's @size-limit/file measures it,
 *   of the dist/ files each row names (a range where a row stands for several files). The first two
 *   columns stay as written in README.md; a row this script has no files for is an error.
 * - `<!-- bench:targets:start -->` … `<!-- bench:targets:end -->`: the targets table of
 *   bench/results.md (between its `<!-- targets:start -->` and `<!-- targets:end -->`).
 * - `<!-- bench:table:start -->` … `<!-- bench:table:end -->`: the rest of bench/results.md, every figure,
 *   the run's details and checks.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = resolve(HERE, '..')
const DIST = join(ROOT, 'dist')
const README = join(ROOT, 'README.md')
const CHECK = process.argv.includes('--check')
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version

if (!existsSync(join(DIST, 'cookiegate.js'))) throw new Error('dist/ is missing: run `npm run build` first')

const gzip = (file) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length
const list = (dir, pattern) => readdirSync(join(DIST, dir)).filter((name) => pattern.test(name)).map((name) => (dir ? `${dir}/${name}` : name))
const one = (name) => {
  if (!existsSync(join(DIST, name))) throw new Error(`dist/${name} is missing`)
  return [[name]]
}
const vendor = list('', /^cookiegate-vendor-.*\.js$/)

/**
 * The file table's rows, by their first cell: one or more groups of files (a group's sizes add up;
 * several groups make a range, "each" where the row names each group's file).
 */
const ROWS = {
  '`cookiegate.js`': () => one('cookiegate.js'),
  '`cookiegate-ui-<version>.js`': () => one(`cookiegate-ui-${VERSION}.js`),
  '`cookiegate-preferences-<version>.js`': () => one(`cookiegate-preferences-${VERSION}.js`),
  '`i18n/<code>-<version>.js`': () => list('i18n', /\.js$/).map((file) => [file]),
  '`cookiegate-posthog-<version>.js`': () => one(`cookiegate-posthog-${VERSION}.js`),
  '`cookiegate-clarity-<version>.js`, `-meta-pixel-`, `-microsoft-uet-` (+ their shared `cookiegate-vendor-<hash>.js`)': () =>
    Object.assign(
      ['clarity', 'meta-pixel', 'microsoft-uet'].map((part) => [...one(`cookiegate-${part}-${VERSION}.js`)[0], ...vendor]),
      { each: true }
    ),
  '`cookiegate-embeds-<version>.js`': () => one(`cookiegate-embeds-${VERSION}.js`),
  '`cookiegate-receipts-<version>.js`': () => one(`cookiegate-receipts-${VERSION}.js`),
  '`cookiegate-messages-<version>.js`': () => one(`cookiegate-messages-${VERSION}.js`)
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`
const sizeOf = (groups) => {
  if (!groups.length) throw new Error('no files')
  let sizes = groups.map((files) => files.reduce((sum, file) => sum + gzip(file), 0))
  let [min, max] = [Math.min(...sizes), Math.max(...sizes)]
  let text = kB(min) === kB(max) ? kB(max) : `${(min / 1000).toFixed(1)}–${kB(max)}`
  return { max, text: text + (groups.each ? ' each' : '') }
}

/** Replaces what is between `<!-- name:start -->` and `<!-- name:end -->` in `text`. */
function between(text, name, make) {
  let start = `<!-- ${name}:start -->`
  let end = `<!-- ${name}:end -->`
  let i = text.indexOf(start)
  let j = text.indexOf(end)
  if (i < 0 || j < i || text.indexOf(start, i + 1) >= 0) throw new Error(`README.md: expected one "${start}" … "${end}" pair`)
  return text.slice(0, i + start.length) + '\n' + make(text.slice(i + start.length, j)).trim() + '\n' + text.slice(j)
}

let readme = readFileSync(README, 'utf8')
let out = between(readme, 'size', (old) => {
  let seen = new Set()
  let sizes = {}
  let table = old
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => {
      let cells = line.split(' | ')
      let first = cells[0].replace(/^\|\s*/, '')
      if (first === 'file' || /^-+$/.test(first)) return line
      if (!ROWS[first]) throw new Error(`README.md size table: no files known for the row ${first}; add them to ROWS in bench/readme.mjs`)
      seen.add(first)
      sizes[first] = sizeOf(ROWS[first]())
      return [...cells.slice(0, -1), `${sizes[first].text} |`].join(' | ')
    })
  let missing = Object.keys(ROWS).filter((row) => !seen.has(row))
  if (missing.length) throw new Error(`README.md size table: rows missing: ${missing.join(', ')}`)
  let size = (row) => sizes[row].max
  let first = size('`cookiegate.js`') + size('`cookiegate-ui-<version>.js`')
  // The competitors' bytes per view, from the bench run of record (bench/results.json).
  let results = JSON.parse(readFileSync(join(HERE, 'results.json'), 'utf8'))
  let rate = results.cpuThrottling?.[0]
  let theirs = ['vanilla-cookieconsent', 'orejime']
    .map((id) => [id, results.summary?.[id]?.[rate]?.first.bytes])
    .filter(([, bytes]) => bytes != null)
    .map(([id, bytes]) => `${id === 'orejime' ? 'Orejime' : id}'s ${kB(bytes)}`)
  return [
    table.join('\n'),
    '',
    `So a first visit that shows the banner costs ${kB(first)} (\`cookiegate.js\` + \`cookiegate-ui-<version>.js\`), a visitor who then customises fetches ${kB(size('`cookiegate-preferences-<version>.js`'))} more, and a returning visitor pays ${kB(size('`cookiegate.js`'))}${theirs.length ? ` (the competitors load the same on every view: ${theirs.join(', ')} of JS and CSS, gzip as served in the bench run below)` : ''}.`
  ].join('\n')
})

let results = readFileSync(join(HERE, 'results.md'), 'utf8')
let t0 = results.indexOf('<!-- targets:start -->')
let t1 = results.indexOf('<!-- targets:end -->')
if (t0 < 0 || t1 < t0) throw new Error('bench/results.md has no targets table: run `npm run bench` (bench/run.mjs writes it)')
out = between(out, 'bench:targets', () => results.slice(t0 + '<!-- targets:start -->'.length, t1))
out = between(out, 'bench:table', () => results.slice(t1 + '<!-- targets:end -->'.length).replace(/^\s*### Every figure\s*/, ''))

if (CHECK) {
  if (out !== readme) {
    console.error('README.md is out of date: run `node bench/readme.mjs`')
    process.exit(1)
  }
  console.log('README.md is up to date.')
} else {
  writeFileSync(README, out)
  console.log(out === readme ? 'README.md: nothing to change.' : 'README.md: size table, targets and bench table rewritten.')
}
