/**
 * What a screen reader gets, read from Chromium's own accessibility tree (CDP
 * `Accessibility.getFullAXTree`, which walks into the UI's shadow root): the banner's title and
 * text are announced once and exposed once, the open preferences are the only thing exposed,
 * and after a choice nothing of ours is left.
 */
import type { Page } from 'playwright-core'
import { beforeEach, describe, expect, test } from 'vitest'
import { html, sleep, useHarness, type Harness } from './harness'

const harness = useHarness()
let h: Harness
beforeEach(() => {
  h = harness()
})

const TITLE = 'Cookies on this site'
const PAGE = '<p>Plans for every team size.</p><footer><a href="#" data-cookie-settings>Cookie Settings</a></footer>'

interface Node {
  role: string
  name: string
  live?: string
  children: Node[]
}

/** The accessibility tree without ignored nodes (their children move up), as a small tree. */
async function axTree(page: Page): Promise<Node> {
  let cdp = await page.context().newCDPSession(page)
  let { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: any[] }
  await cdp.detach()
  let byId = new Map(nodes.map((n) => [n.nodeId, n]))
  let build = (n: any): Node[] => {
    let children = (n.childIds || []).flatMap((id: string) => (byId.has(id) ? build(byId.get(id)) : []))
    // Ignored nodes, and the text boxes a text node is split into for layout.
    if (n.ignored || n.role?.value === 'InlineTextBox') return children
    let live = n.properties?.find((p: any) => p.name === 'live')?.value?.value
    return [{ role: n.role?.value, name: n.name?.value || '', ...(live && live !== 'off' ? { live } : {}), children }]
  }
  return build(nodes[0])[0]!
}

/** One line per node: role, "name", [live], indented; static text under a node of the same name is left out. */
function dump(node: Node, depth = 0): string[] {
  let children = node.children.filter((c) => !(c.role === 'StaticText' && c.name === node.name))
  let line = `${'  '.repeat(depth)}${node.role}${node.name ? ` "${node.name}"` : ''}${node.live ? ` [live ${node.live}]` : ''}`
  return [line, ...children.flatMap((c) => dump(c, depth + 1))]
}

/** Every text node whose text contains `text`. */
const texts = (node: Node, text: string): Node[] => [
  ...(node.role === 'StaticText' && node.name.includes(text) ? [node] : []),
  ...node.children.flatMap((c) => texts(c, text))
]

const bannerText = (page: Page) =>
  page.evaluate(() => document.getElementById('cookiegate')!.shadowRoot!.getElementById('cg-banner-text')!.firstChild!.textContent!.trim())

describe('accessibility tree (Chromium)', () => {
  test('the banner is announced once and exposed once; the preferences are all that is exposed; a choice leaves nothing', async () => {
    // The same page without Cookiegate: what the tree must come back to.
    let bare = await h.page(html(PAGE, { script: '' }), { ready: false })
    let pageOnly = await axTree(bare.page)
    await bare.close()
    let p = await h.page(html(PAGE, { head: '<script type="application/json" id="cookiegate-config">{"policyUrl": "/privacy"}</script>' }), {
      init: `
        // Records every text a polite or assertive live region of ours receives, as a screen reader would hear it.
        window.__announced = [];
        new MutationObserver(() => {
          let root = document.getElementById('cookiegate')?.shadowRoot;
          if (!root || root.__watched) return;
          root.__watched = true;
          new MutationObserver((records) => {
            for (let r of records) for (let n of r.addedNodes) {
              let live = (n.parentElement || n).closest('[aria-live]:not([aria-live="off"])');
              if (live && n.textContent.trim()) window.__announced.push(n.textContent.trim());
            }
          }).observe(root, { childList: true, subtree: true, characterData: true });
        }).observe(document, { childList: true, subtree: true });`
    })
    await p.page.getByRole('region', { name: TITLE }).waitFor({ state: 'visible' })
    let text = await bannerText(p.page)

    // Announced: the title and the text reach a live region after the banner appeared.
    await p.page.waitForFunction(() => (window as any).__announced.length > 0)
    let announced = (await p.page.evaluate(() => (window as any).__announced)) as string[]
    expect(announced.join(' ')).toContain(TITLE)
    expect(announced.join(' ')).toContain(text)
    let announcing = await axTree(p.page)
    console.log('while announcing:\n' + dump(announcing).join('\n'))
    let live = (n: Node): Node[] => (n.live ? [n] : n.children.flatMap(live))
    expect(live(announcing).map((n) => n.live)).toEqual(['polite'])
    expect(texts(live(announcing)[0]!, TITLE)).toHaveLength(1)

    // Exposed once, once the announcement has had its time.
    await sleep(7200)
    let banner = await axTree(p.page)
    console.log('banner up:\n' + dump(banner).join('\n'))
    expect(texts(banner, TITLE)).toHaveLength(1)
    expect(texts(banner, text)).toHaveLength(1)

    // The preferences: the dialog and what is in it, nothing of the page or of the banner.
    await p.page.getByRole('button', { name: 'Customise' }).click()
    await p.page.getByRole('dialog', { name: 'Cookie settings' }).waitFor({ state: 'visible' })
    let prefs = await axTree(p.page)
    console.log('preferences open:\n' + dump(prefs).join('\n'))
    expect(prefs.role).toBe('RootWebArea')
    expect(prefs.children.map((c) => `${c.role} ${c.name}`)).toEqual(['dialog Cookie settings'])

    // After a choice: only the page.
    await p.page.getByRole('dialog').getByRole('button', { name: 'Reject all' }).click()
    await p.page.getByRole('dialog').waitFor({ state: 'detached' })
    await p.page.getByRole('region', { name: TITLE }).waitFor({ state: 'detached' })
    let after = await axTree(p.page)
    console.log('after a choice:\n' + dump(after).join('\n'))
    expect(dump(after)).toEqual(dump(pageOnly))
    p.assertClean()
  })
})
