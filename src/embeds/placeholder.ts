/**
 * Contextual consent for embeds: a gated `iframe`/`video` that is not allowed gets, in its own
 * place, a placeholder saying what it is and which category it needs, with "Load this once"
 * (this element only, nothing stored) and "Always allow <category>" (stored, like saving that
 * category in the preferences). Plain DOM, no request: the embed has no `src` until a button is
 * pressed, and no favicon of its host is fetched.
 */
import css from '../../styles/embeds.css?inline'
import { activateMedia } from '../core/gate'
import type { Cookiegate } from '../core/types'
import { EMBED_TEXTS } from '../i18n/embeds'
import { base, direction, pickLanguage } from '../i18n/index'
import { localize, nameLabel } from '../i18n/localize'

let sheet: CSSStyleSheet | undefined
let counter = 0

/** One stylesheet for every placeholder; constructed, so no `'unsafe-inline'` under a CSP. */
const styles = (): CSSStyleSheet | undefined => {
  if (sheet) return sheet
  try {
    sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
  } catch {
    let style = document.createElement('style')
    style.textContent = css
    document.head.append(style)
    sheet = style.sheet || undefined
  }
  return sheet
}

const element = (tag: string, className: string, text?: string) => {
  let el = document.createElement(tag)
  if (className) el.className = className
  if (text) el.textContent = text
  return el
}
const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (all, key) => values[key] ?? all)

// Each embed that has a placeholder → what takes the placeholder away again.
const placeholders = new Map<Element, () => void>()
// An embed taken off the page (an SPA route, a framework unmounting it) takes its placeholder
// along; watched only while there are placeholders.
let watching: MutationObserver | undefined

/** Puts a placeholder before a blocked embed (once) and hides the embed until it may load. */
export function placeholder(cg: Cookiegate, embed: HTMLElement): void {
  let category = embed.getAttribute('data-category') || ''
  let config = cg.config.categories.find((c) => c.name === category)
  // `data-service` narrows the embed to one service of its category: that is what it needs.
  let name = embed.getAttribute('data-service') || category
  let service = config?.services.find((s) => s.name === name)
  let free = () => cg.allowed(category) && cg.allowed(name)
  if (placeholders.has(embed) || !config || free() || !embed.isConnected) return
  // Without the UI file: the banner's language, and this file's own few texts in it.
  let lang = pickLanguage(cg.config, (l) => EMBED_TEXTS[l])
  let { translations } = cg.config
  let [embedText, loadOnce, alwaysAllow] = EMBED_TEXTS[base(lang)] || EMBED_TEXTS.en!
  let texts = { embedText, loadOnce, alwaysAllow, ...cg.config.texts, ...translations[base(lang)], ...translations[lang] }
  let label = localize((service || config).label, lang) || nameLabel(name)
  let src = embed.getAttribute('data-src') || embed.querySelector('source[data-src]')?.getAttribute('data-src') || ''
  let host = ''
  try {
    host = new URL(src, location.href).hostname
  } catch {}
  let title = embed.getAttribute('data-title') || embed.getAttribute('title') || host || label
  let values = { host: host || title, category: label, title }

  let box = element('div', 'cg-embed ph-no-capture')
  box.lang = lang
  box.dir = direction(lang)
  let id = `cg-embed-${++counter}`
  box.setAttribute('role', 'group')
  box.setAttribute('aria-labelledby', id)
  box.setAttribute('data-cg-embed', String(counter))
  let heading = element('p', 'cg-embed-title', title)
  heading.id = id
  let text = element('p', 'cg-embed-text', fill(texts.embedText, values))
  let actions = element('div', 'cg-embed-actions')
  let once = element('button', '', fill(texts.loadOnce, values)) as HTMLButtonElement
  let always = element('button', '', fill(texts.alwaysAllow, values)) as HTMLButtonElement
  once.type = always.type = 'button'
  actions.append(once, always)
  box.append(heading, text, actions)

  // The placeholder takes the embed's size, as a rule in our stylesheet (no inline style for CSP);
  // never shorter than its texts and buttons (`min-height: auto` with an aspect ratio), which on a
  // narrow phone need more height than the ratio gives.
  let width = Number(embed.getAttribute('width'))
  let height = Number(embed.getAttribute('height'))
  if (width > 0) {
    try {
      styles()?.insertRule(`.cg-embed[data-cg-embed="${counter}"]{width:${width}px${height > 0 ? `;aspect-ratio:${width}/${height};min-height:auto` : ''}}`)
    } catch {}
  }
  styles()
  embed.hidden = true
  embed.before(box)

  let drop = () => {
    stop()
    box.remove()
    placeholders.delete(embed)
    if (!placeholders.size) watching = void watching?.disconnect()
  }
  let reveal = () => {
    drop()
    embed.hidden = false
  }
  once.onclick = () => {
    reveal()
    // No longer gated: a later choice must not set its `src` again (that would reload it).
    embed.removeAttribute('data-category')
    embed.removeAttribute('data-service')
    activateMedia(embed)
    embed.focus()
  }
  always.onclick = () => {
    // Exactly this category or service; every other answer stays as the visitor gave it.
    cg.allow(name)
    embed.focus()
  }
  // Allowed by any path (this button, the banner, another placeholder): the gate sets `src`.
  let stop = cg.consent.listen(() => free() && reveal())
  placeholders.set(embed, drop)
  if (!watching) {
    watching = new MutationObserver(() => placeholders.forEach((drop, embed) => embed.isConnected || drop()))
    watching.observe(document, { childList: true, subtree: true })
  }
}
