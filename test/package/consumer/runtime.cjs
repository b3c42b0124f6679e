// `node runtime.cjs <entry>…`: require() every entry (Node >= 20.19 loads synchronous ESM) and
// fail when evaluating one touched a browser global. Prints nothing when all is well.
const touched = []
for (const name of ['window', 'document', 'location', 'navigator', 'localStorage', 'self']) {
  Object.defineProperty(globalThis, name, { configurable: true, get: () => void touched.push(name) })
}
const problems = []
const found = {}
for (const entry of process.argv.slice(2)) {
  try {
    found[entry] = Object.keys(require(entry)).filter((k) => k !== '__esModule').sort()
  } catch (error) {
    problems.push(`require('${entry}'): ${error.message}`)
  }
}
if (touched.length) problems.push(`module evaluation touched ${[...new Set(touched)].join(', ')}`)
const expected = require('./exports.json')
for (const [entry, names] of Object.entries(found)) {
  const want = expected[entry] || expected['cookiegate/i18n/*']
  if (JSON.stringify(names) !== JSON.stringify(want)) problems.push(`${entry} exports ${names.join(', ')}; expected ${want.join(', ')}`)
}
// On a server, creating an instance throws a CookiegateError that says what to do.
try {
  require('cookiegate').createCookiegate()
  problems.push('createCookiegate() did not throw without a DOM')
} catch (error) {
  if (error.name !== 'CookiegateError' || !/in the browser/.test(error.message)) problems.push(`createCookiegate() threw ${error}`)
}
if (problems.length) {
  console.error(problems.join('\n'))
  process.exit(1)
}
