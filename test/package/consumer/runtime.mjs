// `node runtime.mjs <entry>…`: import every entry and fail when evaluating one touched a browser
// global. Prints nothing when all is well.
import { readFileSync } from 'node:fs'

const touched = []
for (const name of ['window', 'document', 'location', 'navigator', 'localStorage', 'self']) {
  Object.defineProperty(globalThis, name, { configurable: true, get: () => void touched.push(name) })
}
const expected = JSON.parse(readFileSync(new URL('./exports.json', import.meta.url), 'utf8'))
const problems = []
for (const entry of process.argv.slice(2)) {
  try {
    const names = Object.keys(await import(entry)).sort()
    const want = expected[entry] || expected['cookiegate/i18n/*']
    if (JSON.stringify(names) !== JSON.stringify(want)) problems.push(`${entry} exports ${names.join(', ')}; expected ${want.join(', ')}`)
  } catch (error) {
    problems.push(`import('${entry}'): ${error.message}`)
  }
}
if (touched.length) problems.push(`module evaluation touched ${[...new Set(touched)].join(', ')}`)
if (problems.length) {
  console.error(problems.join('\n'))
  process.exit(1)
}
