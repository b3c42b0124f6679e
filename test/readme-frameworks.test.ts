/**
 * The README's framework sections show the example apps' code (`<!-- examples/… -->` before a
 * block); the apps are what test/apps/ builds and drives, so the README must not drift from them.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test } from 'vitest'

const REPO = resolve(import.meta.dirname, '..')
const readme = readFileSync(resolve(REPO, 'README.md'), 'utf8')
const blocks = [...readme.matchAll(/^<!-- (examples\/\S+) -->\n```\w*\n([\s\S]*?)^```$/gm)]

test('the README shows the React, Next.js and Vue example code', () => {
  let files = blocks.map(([, file]) => file)
  for (let app of ['react-vite', 'nextjs', 'vue-vite']) expect(files.some((file) => file!.startsWith(`examples/${app}/`))).toBe(true)
})

test.each(blocks.map(([, file, code]) => [file!, code!]))('%s in the README is the file', (file, code) => {
  expect(code).toBe(readFileSync(resolve(REPO, file), 'utf8'))
})
