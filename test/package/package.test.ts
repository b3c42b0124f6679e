/**
 * The package as users get it: the working tree copied like a fresh clone (no dist/), `npm pack`
 * (whose `prepack` builds), the tarball installed into a consumer project in a temp dir, and there
 * TypeScript under `bundler`, `node16` and `nodenext` with `skipLibCheck: true` (types that fail
 * to resolve would silently become `any`), Node's `require()` and `import` of every entry, and
 * arethetypeswrong on the same tarball.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const FIXTURE = join(REPO, 'test/package/consumer')
const TSC = join(REPO, 'node_modules/typescript/bin/tsc')
const LANGUAGES = ['ar', 'cs', 'da', 'de', 'es', 'fi', 'fr', 'he', 'it', 'nl', 'pl', 'pt', 'sv']
const ENTRIES = [
  'cookiegate',
  'cookiegate/core',
  'cookiegate/ui',
  ...['posthog', 'google-consent-mode', 'clarity', 'meta-pixel', 'microsoft-uet'].map((name) => `cookiegate/integrations/${name}`),
  'cookiegate/server',
  'cookiegate/server/postgres',
  'cookiegate/testing',
  ...LANGUAGES.map((l) => `cookiegate/i18n/${l}`)
]

let tmp: string
let tarball: string
let packed: string[]
let consumer: string

const run = (command: string, args: string[], cwd: string) => {
  let result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } })
  return { status: result.status, stdout: result.stdout, output: `${result.stdout}${result.stderr}` }
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'cookiegate-package-'))
  // A fresh clone: what git would check out (tracked and new files, nothing ignored, so no dist/),
  // with this repo's node_modules standing in for `npm ci`.
  let clone = join(tmp, 'clone')
  let files: string[]
  try {
    files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: REPO, encoding: 'utf8' }).split('\0').filter(Boolean)
  } catch {
    // No git (a CI that copied the sources): everything but what the build and install make.
    files = readdirSync(REPO).filter((name) => !['.git', 'node_modules', 'dist', 'test-results', 'coverage'].includes(name))
  }
  for (let file of files) {
    try {
      cpSync(join(REPO, file), join(clone, file), { recursive: true })
    } catch {
      // Deleted in the working tree but still in the index.
    }
  }
  symlinkSync(join(REPO, 'node_modules'), join(clone, 'node_modules'), 'dir')
  let pack = run('npm', ['pack', '--json', '--pack-destination', tmp], clone)
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.output}`)
  // `--json` prints the report last, after the build's own output.
  let [info] = JSON.parse(pack.stdout.slice(pack.stdout.search(/\[\s*\{\s*"id"/)))
  tarball = join(tmp, info.filename)
  packed = info.files.map((f: { path: string }) => f.path)

  consumer = join(tmp, 'consumer')
  cpSync(FIXTURE, consumer, { recursive: true })
  // The dependencies come from npm's cache that `npm ci` filled; the network only if it lacks them.
  let install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock', tarball], consumer)
  if (install.status !== 0) throw new Error(`npm install of the tarball failed:\n${install.output}`)
}, 240_000)

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

describe('npm pack on a fresh clone', () => {
  test('ships the build, the types of every entry, the licence and the readme', () => {
    let pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'))
    let { version } = JSON.parse(readFileSync('package.json', 'utf8'))
    expect(packed).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/cookiegate.js', `dist/cookiegate-ui-${version}.js`, 'dist/cookiegate.css']))
    // Every file `exports` points at (wildcards through each language and integration).
    let targets = Object.values(pkg.exports).flatMap((value) => (typeof value === 'string' ? [value] : Object.values(value as Record<string, string>)))
    let expand = (target: string) =>
      !target.includes('*') ? [target] : (target.includes('i18n') ? LANGUAGES : ['posthog', 'google-consent-mode']).map((name) => target.replace('*', name))
    let missing = targets.flatMap(expand).map((t) => t.replace(/^\.\//, '')).filter((t) => !packed.includes(t))
    expect(missing).toEqual([])
    expect(readFileSync(join(REPO, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} Cookiegate contributors\n/)
  })
})

describe('Node on the installed package', () => {
  test('require() loads every entry (Node >= 20.19), touching no window, document or location', () => {
    let result = run(process.execPath, ['runtime.cjs', ...ENTRIES], consumer)
    expect(result.output).toBe('')
    expect(result.status).toBe(0)
  })

  test('import loads every entry, touching no window, document or location', () => {
    let result = run(process.execPath, ['runtime.mjs', ...ENTRIES], consumer)
    expect(result.output).toBe('')
    expect(result.status).toBe(0)
  })
})

describe('TypeScript on the installed package, skipLibCheck on', () => {
  for (let resolution of ['bundler', 'node16', 'nodenext']) {
    test(`moduleResolution ${resolution}: every entry is typed, names come from the config, nothing is any`, () => {
      let result = run(process.execPath, [TSC, '-p', `tsconfig.${resolution}.json`], consumer)
      expect(result.output).toBe('')
      expect(result.status).toBe(0)
    })
  }

  test('a CommonJS file under nodenext requires the package with its types', () => {
    let result = run(process.execPath, [TSC, '-p', 'tsconfig.cjs.json'], consumer)
    expect(result.output).toBe('')
    expect(result.status).toBe(0)
  })

  test('the type check fails when a declaration does not resolve (the check itself can fail)', () => {
    // Break one import inside the installed declarations: the `any` it leaves must be caught.
    let types = join(consumer, 'node_modules/cookiegate/dist/types/index.d.ts')
    let original = readFileSync(types, 'utf8')
    try {
      writeFileSync(types, original.replace(/from "\.\/_chunks\/types-[\w-]+\.js"/, 'from "./_chunks/missing.js"'))
      expect(readFileSync(types, 'utf8')).toContain('./_chunks/missing.js')
      let result = run(process.execPath, [TSC, '-p', 'tsconfig.nodenext.json'], consumer)
      expect(result.status).not.toBe(0)
      expect(result.output).toMatch(/Unused '@ts-expect-error' directive|not assignable/)
    } finally {
      writeFileSync(types, original)
    }
  })
})

describe('arethetypeswrong', () => {
  test('no problem under node16 (CJS and ESM) and bundler', () => {
    // `cjs-resolves-to-esm` is ignored: the package is ESM only, and require() of it works on
    // Node >= 20.19 (tested above). node10 resolution is out of scope (profile node16).
    let entrypoints = ENTRIES.map((entry) => '.' + entry.slice('cookiegate'.length))
    let attw = join(REPO, 'node_modules/@arethetypeswrong/cli/dist/index.js')
    let result = run(process.execPath, [attw, tarball, '--profile', 'node16', '--ignore-rules', 'cjs-resolves-to-esm', '--format', 'ascii', '--no-color', '--entrypoints', ...entrypoints], REPO)
    console.log(result.output)
    expect(result.status).toBe(0)
  })
})
