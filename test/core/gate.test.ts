import { afterEach, describe, expect, test } from 'vitest'
import { createGate, type Gate } from '../../src/core/gate'

declare global {
  interface Window {
    log: string[]
  }
}

let gates: Gate[] = []
const gate = (allowed: Set<string>, activated: string[] = []) => {
  let g = createGate((c) => allowed.has(c), (c) => activated.push(c))
  gates.push(g)
  return g
}
const inline = (category: string, code: string, attrs = '') =>
  `<script type="text/plain" data-category="${category}" ${attrs}>${code}</script>`
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

afterEach(() => {
  gates.forEach((g) => g.destroy())
  gates = []
})

describe('createGate', () => {
  test('keeps a gated script from running until its category is allowed', () => {
    window.log = []
    document.body.innerHTML = inline('analytics', "log.push('a')")
    let allowed = new Set<string>()
    let g = gate(allowed)
    expect(window.log).toEqual([])
    allowed.add('analytics')
    g.scan()
    expect(window.log).toEqual(['a'])
  })

  test('runs each gated script at most once', () => {
    window.log = []
    document.body.innerHTML = inline('analytics', "log.push('a')")
    let g = gate(new Set(['analytics']))
    g.scan()
    g.scan()
    expect(window.log).toEqual(['a'])
  })

  test('runs allowed scripts in document order and skips other categories', () => {
    window.log = []
    document.body.innerHTML =
      inline('analytics', "log.push('1')") + inline('marketing', "log.push('m')") + inline('analytics', "log.push('2')")
    let activated: string[] = []
    gate(new Set(['analytics']), activated)
    expect(window.log).toEqual(['1', '2'])
    expect(activated).toEqual(['analytics', 'analytics'])
  })

  test('keeps every other attribute and turns data-type into type', () => {
    document.body.innerHTML = inline('analytics', '', 'id="t" data-type="module" crossorigin="anonymous" data-x="y"')
    gate(new Set(['analytics']))
    let script = document.getElementById('t') as HTMLScriptElement
    expect(script.type).toBe('module')
    expect(script.getAttribute('crossorigin')).toBe('anonymous')
    expect(script.getAttribute('data-x')).toBe('y')
    expect(script.getAttribute('data-category')).toBe('analytics')
  })

  test('copies the nonce', () => {
    document.body.innerHTML = inline('analytics', '', 'id="n"')
    ;(document.getElementById('n') as HTMLScriptElement).nonce = 'abc123'
    gate(new Set(['analytics']))
    expect((document.getElementById('n') as HTMLScriptElement).nonce).toBe('abc123')
  })

  test('leaves scripts of other types alone', () => {
    window.log = []
    document.body.innerHTML = `<script type="text/x-template" data-category="analytics">log.push('x')</script>`
    gate(new Set(['analytics']))
    expect(document.querySelector('script')!.type).toBe('text/x-template')
  })

  test('never runs a script whose category is unknown', () => {
    window.log = []
    document.body.innerHTML = inline('', "log.push('x')") + inline('ads', "log.push('y')")
    gate(new Set(['analytics']))
    expect(window.log).toEqual([])
  })

  test('gives iframes, images and videos their src once allowed', () => {
    document.body.innerHTML = `
      <iframe data-category="analytics" data-src="https://video.test/embed/1"></iframe>
      <img data-category="analytics" data-src="https://img.test/a.png" data-srcset="https://img.test/a2.png 2x">
      <video data-category="analytics"><source data-src="https://video.test/a.mp4"></video>`
    let allowed = new Set<string>()
    let g = gate(allowed)
    expect(document.querySelector('iframe')!.getAttribute('src')).toBeNull()
    allowed.add('analytics')
    g.scan()
    expect(document.querySelector('iframe')!.getAttribute('src')).toBe('https://video.test/embed/1')
    expect(document.querySelector('img')!.getAttribute('src')).toBe('https://img.test/a.png')
    expect(document.querySelector('img')!.getAttribute('srcset')).toBe('https://img.test/a2.png 2x')
    expect(document.querySelector('source')!.getAttribute('src')).toBe('https://video.test/a.mp4')
  })

  test('handles gated tags added after start-up', async () => {
    window.log = []
    let allowed = new Set(['analytics'])
    gate(allowed)
    let holder = document.createElement('div')
    holder.innerHTML = inline('analytics', "log.push('late')")
    document.body.append(holder)
    await flush()
    expect(window.log).toEqual(['late'])
  })

  test('does not run tags added later while their category is refused', async () => {
    window.log = []
    gate(new Set())
    document.body.insertAdjacentHTML('beforeend', inline('analytics', "log.push('no')"))
    await flush()
    expect(window.log).toEqual([])
  })

  test('stops watching the page once destroyed', async () => {
    window.log = []
    gate(new Set(['analytics'])).destroy()
    document.body.insertAdjacentHTML('beforeend', inline('analytics', "log.push('no')"))
    await flush()
    expect(window.log).toEqual([])
  })
})

describe('a script the server rendered as a real one', () => {
  test('counts as run, so a withdrawal knows of it', () => {
    document.body.innerHTML = `<script data-category="analytics">window.ranFromServer = 1</script><script type="text/plain" data-category="marketing"></script>`
    let activated: string[] = []
    gate(new Set(), activated)
    expect(activated).toEqual(['analytics'])
  })
})
