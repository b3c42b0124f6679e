// `npm test`: lint → typecheck → build → size budgets → unit tests → browser tests → example apps and package tests
// (the packed tarball in real apps and a consumer project), then one summary line that CI reads:
// "N passed, N failed". Every step runs even when an earlier one fails, so the log shows all of it.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const run = (label, command, args) => {
  console.log(`\n── ${label}: ${command} ${args.join(' ')}`)
  let result = spawnSync(command, args, { stdio: 'inherit' })
  return result.status === 0
}

mkdirSync('test-results', { recursive: true })
let steps = []
let passed = 0
let failed = 0
// Each failure's name and the head of its message, repeated at the end: CI keeps only the log's tail.
let failures = []
let head = (message = '') => message.split('\n').slice(0, 6).join('\n    ')

// Lint (.oxlintrc.json, with the import boundary: src/core, src/integrations and src/embeds never
// import Preact or src/ui). A lint failure counts as one failure in the summary line.
let linted = run('lint', 'npx', ['oxlint', '--deny-warnings'])
steps.push(['lint', linted])
if (!linted) failed += 1
steps.push(['typecheck', run('typecheck', 'npx', ['tsc', '--noEmit'])])
let built = run('build', 'npm', ['run', 'build', '--silent'])
steps.push(['build', built])
// Size budgets (package.json "size-limit"): any regression past a budget fails the run.
steps.push(['size budgets', built && run('size budgets', 'npx', ['size-limit'])])
// apps: examples/* installed from the packed tarball (npm ci + the tarball), built, driven in Chromium.
// package: the tarball in a consumer project (types under every moduleResolution, require/import).
for (let project of ['unit', 'browser', 'apps', 'package']) {
  let out = `test-results/${project}.json`
  rmSync(out, { force: true })
  let ok = built && run(`${project} tests`, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${out}`])
  steps.push([`${project} tests`, ok])
  if (existsSync(out)) {
    let report = JSON.parse(readFileSync(out, 'utf8'))
    passed += report.numPassedTests
    failed += report.numFailedTests
    for (let file of report.testResults) {
      let name = file.name.replace(process.cwd() + '/', '')
      for (let a of file.assertionResults) if (a.status === 'failed') failures.push(`${project} ${name} > ${a.fullName}\n    ${head(a.failureMessages[0])}`)
      // A file that failed outside its tests counts as a failure too: it crashed before they ran,
      // or a beforeAll hook threw (PostgreSQL did not start, say), which leaves its tests skipped.
      if (file.status === 'failed' && !file.assertionResults.some((a) => a.status === 'failed')) {
        failed += 1
        failures.push(`${project} ${name} (the file failed outside its tests)\n    ${head(file.message)}`)
      }
    }
  } else if (built) {
    failed += 1
  }
}

console.log('')
for (let failure of failures) console.log(`FAILED ${failure}`)
for (let [name, ok] of steps) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`)
let allOk = steps.every(([, ok]) => ok)
if (!allOk && failed === 0) failed = steps.filter(([, ok]) => !ok).length
console.log(`${passed} passed, ${failed} failed`)
process.exit(allOk && failed === 0 ? 0 : 1)
