/** examples/react-vite: React 19 (StrictMode) + Vite, the state through @nanostores/react. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { buildApp, serveStatic, serveViteDev } from './apps'
import { consentFlow } from './flow'

let dir = ''

consentFlow(
  async () => {
    dir = (await buildApp('react-vite')).dir
    return serveStatic(join(dir, 'dist'))
  },
  (test, visit) => {
    test('Vite dev: editing the module that makes the instance leaves one banner, and the app follows the new instance', async () => {
      let file = join(dir, 'src/consent.js')
      let source = readFileSync(file, 'utf8')
      let server = await serveViteDev(dir)
      let context = await visit().context.browser()!.newContext()
      try {
        let page = await context.newPage()
        let updated = false
        page.on('console', (message) => {
          if (message.text().includes('hot updated')) updated = true
        })
        let banners = () => page.getByRole('region', { name: 'Cookies on this site' })
        await page.goto(server.url + '/', { waitUntil: 'load' })
        await banners().waitFor({ state: 'visible' })
        writeFileSync(file, source + '\n// edited by test/apps/react-vite.test.ts\n')
        await expect.poll(() => updated, { timeout: 15000 }).toBe(true)
        await page.waitForTimeout(1000)
        expect(await page.locator('#cookiegate').count()).toBe(1)
        expect(await banners().count()).toBe(1)
        await banners().getByRole('button', { name: 'Accept all' }).click()
        await expect.poll(() => page.locator('#analytics-state').textContent(), { timeout: 10000 }).toBe('Analytics: on')
      } finally {
        writeFileSync(file, source)
        await context.close()
        await server.close()
      }
    })
  }
)
