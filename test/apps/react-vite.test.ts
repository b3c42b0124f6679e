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
    test('an embed React renders: a placeholder while refused, loaded once allowed, unloaded on withdrawal, and React can unmount it', async () => {
      let { page } = visit()
      let poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10000 })
      let tour = () => page.getByRole('group', { name: 'Product tour' })
      let frames = () => page.frames().filter((f) => f.url().endsWith('/tour.html')).length
      let dialog = page.getByRole('dialog', { name: 'Cookie settings' })
      let analytics = async (on: boolean) => {
        await page.getByRole('button', { name: 'Cookie settings' }).click()
        await dialog.getByRole('switch', { name: 'Analytics' }).setChecked(on)
        await dialog.getByRole('button', { name: 'Save choices' }).click()
        await dialog.waitFor({ state: 'detached' })
      }
      // Analytics was withdrawn by the shared flow.
      await tour().waitFor({ state: 'visible' })
      expect(frames()).toBe(0)
      await analytics(true)
      await poll(frames).toBe(1)
      expect(await tour().count()).toBe(0)
      await analytics(false)
      await tour().waitFor({ state: 'visible' })
      await poll(frames).toBe(0)
      // React unmounts the iframe Cookiegate changed: no React error, and the placeholder goes too.
      await page.getByRole('button', { name: 'Hide the tour' }).click()
      await tour().waitFor({ state: 'detached' })
      expect(await page.locator('iframe').count()).toBe(0)
      await page.getByRole('button', { name: 'Show the tour' }).click()
      await tour().waitFor({ state: 'visible' })
      expect(frames()).toBe(0)
    })

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
