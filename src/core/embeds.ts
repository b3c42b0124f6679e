/**
 * Contextual consent for embeds: a gated `iframe`/`video` that is not allowed gets, in its own
 * place, a placeholder saying what it is and which category it needs, with "Load this once"
 * (this element only, nothing stored) and "Always allow <category>" (stored, like saving that
 * category in the preferences). Plain DOM, no request: the embed has no `src` until a button is
 * pressed, and no favicon of its host is fetched.
 */
import css from '../../styles/embeds.css?inline'
import { activateMedia } from './gate'
import type { Cookiegate, Localized } from './types'

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

const placeholders = new WeakMap<Element, HTMLElement>()

// The placeholder's own texts in every bundled language (embedText, loadOnce, alwaysAllow): it runs
// without the UI bundle, so a visitor who refused still reads it in the banner's language.
const TEXTS: Record<string, [string, string, string]> = {
  en: ['This content is hosted by {host}. Showing it needs your consent to {category} cookies.', 'Load this once', 'Always allow {category}'],
  de: ['Dieser Inhalt wird von {host} bereitgestellt. Um ihn anzuzeigen, brauchen wir Ihre Zustimmung zu {category}-Cookies.', 'Einmal laden', '{category} immer erlauben'],
  fr: ['Ce contenu est hébergé par {host}. Pour l’afficher, nous avons besoin de votre accord pour les cookies « {category} ».', 'Charger cette fois', 'Toujours autoriser « {category} »'],
  es: ['Este contenido está alojado en {host}. Para mostrarlo necesitamos tu consentimiento para las cookies de «{category}».', 'Cargar solo esta vez', 'Permitir siempre «{category}»'],
  it: ['Questo contenuto è ospitato da {host}. Per mostrarlo serve il tuo consenso ai cookie «{category}».', 'Carica solo questa volta', 'Consenti sempre «{category}»'],
  nl: ['Deze inhoud staat bij {host}. Om hem te tonen hebben we je toestemming nodig voor {category}-cookies.', 'Eenmalig laden', '{category} altijd toestaan'],
  pt: ['Este conteúdo está alojado em {host}. Para o mostrar, precisamos do seu consentimento para cookies de «{category}».', 'Carregar só desta vez', 'Permitir sempre «{category}»'],
  pl: ['Ta treść pochodzi z {host}. Aby ją wyświetlić, potrzebujemy Twojej zgody na pliki cookie „{category}”.', 'Wczytaj tylko teraz', 'Zawsze zezwalaj na „{category}”'],
  sv: ['Det här innehållet ligger hos {host}. För att visa det behöver vi ditt samtycke till {category}-cookies.', 'Ladda bara den här gången', 'Tillåt alltid {category}'],
  da: ['Dette indhold ligger hos {host}. For at vise det skal vi have dit samtykke til {category}-cookies.', 'Indlæs kun denne gang', 'Tillad altid {category}'],
  fi: ['Tämä sisältö tulee palvelusta {host}. Sen näyttäminen vaatii suostumuksesi evästeisiin ”{category}”.', 'Lataa vain tämän kerran', 'Salli aina ”{category}”'],
  cs: ['Tento obsah poskytuje {host}. K jeho zobrazení potřebujeme váš souhlas s cookies „{category}“.', 'Načíst jen tentokrát', 'Vždy povolit „{category}“'],
  ar: ['هذا المحتوى مستضاف لدى {host}. لعرضه نحتاج إلى موافقتك على ملفات تعريف الارتباط «{category}».', 'تحميل هذه المرة فقط', 'السماح دائمًا بـ«{category}»'],
  he: ['התוכן הזה מתארח אצל {host}. כדי להציג אותו נדרשת הסכמתך לעוגיות „{category}”.', 'טעינה הפעם בלבד', 'לאפשר תמיד „{category}”']
}

/** The banner's choice of language (`language`, else `<html lang>`, then the browser's), as a base code. */
const pickLanguage = (cg: Cookiegate): string => {
  let { language, translations } = cg.config
  let wanted = language === 'auto' ? [document.documentElement.lang, ...(navigator.languages || [])] : [language]
  for (let tag of wanted) {
    let lang = (tag || '').toLowerCase().split('-')[0]!
    if (TEXTS[lang] || translations[lang]) return lang
  }
  return 'en'
}

/** Puts a placeholder before a blocked embed (once) and hides the embed until it may load. */
export function placeholder(cg: Cookiegate, embed: HTMLElement): void {
  let category = embed.getAttribute('data-category') || ''
  let config = cg.config.categories.find((c) => c.name === category)
  // `data-service` narrows the embed to one service of its category: that is what it needs.
  let name = embed.getAttribute('data-service') || category
  let service = config?.services.find((s) => s.name === name)
  let free = () => cg.allowed(category) && cg.allowed(name)
  if (placeholders.has(embed) || !config || free() || !embed.isConnected) return
  // The placeholder lives in the core (no UI bundle), so it reads per-language texts itself.
  let lang = pickLanguage(cg)
  let local = (v: Localized | undefined) => (v === undefined || typeof v === 'string' ? v : (v[lang] ?? v.en ?? Object.values(v)[0]))
  let [embedText, loadOnce, alwaysAllow] = TEXTS[lang] || TEXTS.en!
  let texts = { embedText, loadOnce, alwaysAllow, ...cg.config.texts, ...cg.config.translations[lang] }
  let label = local((service || config).label) || name.charAt(0).toUpperCase() + name.slice(1)
  let src = embed.getAttribute('data-src') || embed.querySelector('source[data-src]')?.getAttribute('data-src') || ''
  let host = ''
  try {
    host = new URL(src, location.href).hostname
  } catch {}
  let title = embed.getAttribute('data-title') || embed.getAttribute('title') || host || label
  let values = { host: host || title, category: label, title }

  let box = element('div', 'cg-embed ph-no-capture')
  box.lang = lang
  if (lang === 'ar' || lang === 'he') box.dir = 'rtl'
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

  // The placeholder takes the embed's size, as a rule in our stylesheet (no inline style for CSP).
  let width = Number(embed.getAttribute('width'))
  let height = Number(embed.getAttribute('height'))
  if (width > 0) {
    try {
      styles()?.insertRule(`.cg-embed[data-cg-embed="${counter}"]{width:${width}px${height > 0 ? `;aspect-ratio:${width}/${height};min-height:0` : ''}}`)
    } catch {}
  }
  styles()
  placeholders.set(embed, box)
  embed.hidden = true
  embed.before(box)

  let reveal = () => {
    box.remove()
    placeholders.delete(embed)
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
  let stop = cg.consent.listen(() => {
    if (free()) {
      stop()
      reveal()
    }
  })
}
