// `npm test`: typecheck → build → size budgets → unit tests → browser tests → example apps, then one summary line that CI reads:
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

steps.push(['typecheck', run('typecheck', 'npx', ['tsc', '--noEmit'])])
let built = run('build', 'npm', ['run', 'build', '--silent'])
steps.push(['build', built])
// Size budgets (package.json "size-limit"): any regression past a budget fails the run.
steps.push(['size budgets', built && run('size budgets', 'npx', ['size-limit'])])
// apps: examples/* installed from the packed tarball (npm ci + the tarball), built, driven in Chromium.
for (let project of ['unit', 'browser', 'apps']) {
  let out = `test-results/${project}.json`
  rmSync(out, { force: true })
  let ok = built && run(`${project} tests`, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${out}`])
  steps.push([`${project} tests`, ok])
  if (existsSync(out)) {
    let report = JSON.parse(readFileSync(out, 'utf8'))
    passed += report.numPassedTests
    failed += report.numFailedTests
    // A file that crashed before its tests ran counts as a failure too.
    failed += report.testResults.filter((file) => file.status === 'failed' && !file.assertionResults.length).length
  } else if (built) {
    failed += 1
  }
}

console.log('')
for (let [name, ok] of steps) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`)
let allOk = steps.every(([, ok]) => ok)
if (!allOk && failed === 0) failed = steps.filter(([, ok]) => !ok).length
console.log(`${passed} passed, ${failed} failed`)
process.exit(allOk && failed === 0 ? 0 : 1)
