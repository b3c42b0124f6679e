/**
 * Vitest global setup of the `apps` project: packs the library once, as `npm publish` would ship
 * it, for every example app to install. Build first (`npm run build`); `npm test` does.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { REPO, TARBALL } from './apps'

export default function pack() {
  if (!existsSync(`${REPO}/dist/cookiegate.mjs`)) throw new Error('dist/ is missing: run `npm run build` first')
  rmSync(dirname(TARBALL), { recursive: true, force: true })
  mkdirSync(dirname(TARBALL), { recursive: true })
  // dist/ was just built; the scripts would only build it again.
  let out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dirname(TARBALL)], { cwd: REPO, encoding: 'utf8' })
  let [{ filename }] = JSON.parse(out) as [{ filename: string }]
  renameSync(`${dirname(TARBALL)}/${filename}`, TARBALL)
}
