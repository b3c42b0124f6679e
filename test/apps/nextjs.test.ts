/**
 * examples/nextjs: Next.js App Router, `next build` + `next start`. The instance is made in a
 * client component's effect, so the server never calls it; the routes stay static.
 */
import { expect } from 'vitest'
import { buildApp, serveNext } from './apps'
import { consentFlow } from './flow'

let buildLog = ''

consentFlow(
  async () => {
    let app = await buildApp('nextjs')
    buildLog = app.buildLog
    return serveNext(app.dir)
  },
  (test, visit) => {
    test('next build prerenders / and /about as static (○)', () => {
      expect(buildLog).toMatch(/^\S*\s*○ \/\s*$/m)
      expect(buildLog).toMatch(/^\S*\s*○ \/about\s*$/m)
      expect(buildLog).not.toMatch(/ƒ \/(about)?\s*$/m)
    })

    test('the server HTML has the page and no banner; a client-side route change keeps one instance', async () => {
      let { page, url } = visit()
      let html = await (await fetch(url + '/about')).text()
      expect(html).toContain('<h1>About</h1>')
      expect(html).not.toContain('id="cookiegate"')
      await page.getByRole('link', { name: 'About' }).click()
      await page.waitForURL(url + '/about')
      await expect.poll(() => page.locator('#analytics-state').textContent(), { timeout: 10000 }).toBe('Analytics: off')
      expect(await page.locator('#cookiegate').count()).toBeLessThanOrEqual(1)
    })
  }
)
