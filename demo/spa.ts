/**
 * The single-page app demo: Cookiegate through the npm import, hash routes, a gated tag that one
 * route adds at run time, and a consent panel rendered from `cg.onChange`.
 */
import { createCookiegate, type ConsentState } from 'cookiegate'

const cg = createCookiegate({
  policyUrl: '/privacy.html',
  categories: { essential: { required: true }, analytics: {} }
})

// ---------------------------------------------------------------------------------------------
// A tiny DOM helper

type Child = Node | string | null | undefined | false
type Props = Record<string, string | boolean | undefined | ((event: Event) => void)>

function h(tag: string, props: Props = {}, ...children: Child[]): HTMLElement {
  let el = document.createElement(tag)
  for (let [name, value] of Object.entries(props)) {
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, '').toLowerCase(), value)
    else if (value === true) el.setAttribute(name, '')
    else if (typeof value === 'string') el.setAttribute(name, value)
  }
  for (let child of children) if (child) el.append(child)
  return el
}

const byId = (id: string): HTMLElement => {
  let el = document.getElementById(id)
  if (!el) throw new Error(`#${id} is missing from spa.html`)
  return el
}

const time = (iso: string | null | undefined): string => {
  let d = new Date(iso || '')
  return isNaN(d.getTime()) ? '' : d.toLocaleTimeString()
}

// ---------------------------------------------------------------------------------------------
// The fake analytics tag reports each run with this event (see demo/vite.config.ts).

interface TagRun {
  id: string
  page: string | null
  ranAt: string
}

interface AnalyticsEvent {
  event: string
  distinct_id: string
  url: string
  received: string
  cookie: boolean
}

// ---------------------------------------------------------------------------------------------
// Routes

interface Route {
  title: string
  render(): Child[]
}

function kpi(label: string, value: string, delta: string): HTMLElement {
  return h('li', { class: 'card kpi' }, h('p', { class: 'kpi-label' }, label), h('p', { class: 'kpi-value' }, value), h('p', { class: 'muted' }, delta))
}

const routes: Record<string, Route> = {
  '/': {
    title: 'Dashboard',
    render: () => [
      h('h1', {}, 'Dashboard'),
      h(
        'p',
        { class: 'lead' },
        'Last 30 days for acme-metrics.example. Nothing on this route loads analytics; open ',
        h('a', { href: '#/reports' }, 'Reports'),
        ' to see a route that does.'
      ),
      h(
        'ul',
        { class: 'kpi-grid' },
        kpi('Visitors who consented', '12,480', '+8% vs last month'),
        kpi('Sign-ups', '312', '+21 vs last month'),
        kpi('Trial → paid', '2.5%', 'flat'),
        kpi('8-week retention', '41%', '+3 points')
      ),
      h(
        'section',
        { class: 'card' },
        h('h2', {}, 'How this app handles consent'),
        h(
          'ol',
          { class: 'steps' },
          h('li', {}, 'Start-up calls ', h('code', {}, "createCookiegate({ policyUrl: '/privacy.html', … })"), '; the banner appears until you choose.'),
          h('li', {}, 'The Reports route inserts ', h('code', {}, '<script type="text/plain" data-category="analytics">'), ' when it renders; Cookiegate runs it only once analytics is allowed.'),
          h('li', {}, h('code', {}, "cg.whenAllowed('analytics').then(() => import('./analytics-module'))"), ' loads the analytics code only after a yes; ', h('code', {}, 'cg.onChange'), ' drives the panel on the right.'),
          h('li', {}, 'The Cookie Settings button in the footer was added after start-up and still opens the preferences.')
        )
      )
    ]
  },
  '/reports': {
    title: 'Reports',
    render: () => {
      // A gated tag added at run time: inert text/plain until Cookiegate sees analytics allowed.
      let tag = document.createElement('script')
      tag.type = 'text/plain'
      tag.dataset.category = 'analytics'
      tag.dataset.page = '#/reports'
      tag.src = '/demo-analytics.js'

      let status = h('p', { class: 'callout', id: 'tag-status', 'data-tone': cg.allowed('analytics') ? 'wait' : 'off' })
      status.textContent = cg.allowed('analytics')
        ? 'Analytics is allowed: the tag is being run…'
        : 'The tag is waiting as type="text/plain". Allow analytics and it runs without a reload.'

      return [
        h('h1', {}, 'Reports'),
        h('p', { class: 'lead' }, 'This route adds a gated analytics tag each time it renders, the way a route-level pageview tracker would.'),
        h('pre', { class: 'mono code-block' }, '<script type="text/plain" data-category="analytics"\n        data-page="#/reports" src="/demo-analytics.js"></script>'),
        status,
        h(
          'table',
          { class: 'report-table' },
          h('caption', {}, 'Top pages, last 7 days'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Page'), h('th', { scope: 'col' }, 'Views'), h('th', { scope: 'col' }, 'Avg. time'))),
          h(
            'tbody',
            {},
            ...[
              ['/pricing', '4,210', '1:42'],
              ['/', '3,980', '0:58'],
              ['/docs/install', '1,204', '3:10'],
              ['/blog/retention', '836', '4:25']
            ].map(([page, views, avg]) => h('tr', {}, h('td', {}, h('code', {}, page!)), h('td', {}, views!), h('td', {}, avg!)))
          )
        ),
        tag
      ]
    }
  },
  '/settings': {
    title: 'Settings',
    render: () => [
      h('h1', {}, 'Settings'),
      h(
        'section',
        { class: 'card' },
        h('h2', {}, 'Profile'),
        h('p', { class: 'muted' }, 'Signed in as dana@acme-metrics.example (Team plan).')
      ),
      h(
        'section',
        { class: 'card' },
        h('h2', {}, 'Privacy'),
        h('p', {}, 'Essential cookies keep you signed in and cannot be turned off. Analytics runs only if you allow it, and you can withdraw at any time.'),
        // Rendered long after start-up: the delegated listener still opens the preferences.
        h('button', { type: 'button', class: 'btn btn-small', 'data-cookie-settings': true }, 'Cookie Settings')
      )
    ]
  }
}

const view = byId('view')
let firstRender = true

function currentPath(): string {
  let path = location.hash.replace(/^#/, '') || '/'
  return Object.prototype.hasOwnProperty.call(routes, path) ? path : '/'
}

function renderRoute() {
  let path = currentPath()
  let route = routes[path]!
  view.replaceChildren(...route.render().filter((c): c is Node | string => !!c))
  document.title = `${route.title} · Acme Metrics app`
  for (let link of Array.from(document.querySelectorAll<HTMLAnchorElement>('#routes a'))) {
    if (link.getAttribute('href') === '#' + path) link.setAttribute('aria-current', 'page')
    else link.removeAttribute('aria-current')
  }
  // Move focus to the new content on navigation (not on the first load).
  if (!firstRender) view.focus({ preventScroll: true })
  firstRender = false
}

window.addEventListener('hashchange', renderRoute)
renderRoute()

// ---------------------------------------------------------------------------------------------
// Consent panel

const METHODS: Record<string, string> = {
  'accept-all': 'Accepted all',
  'reject-all': 'Rejected all',
  custom: 'Custom choice',
  gpc: 'Refused by Global Privacy Control'
}

function renderState(state: ConsentState) {
  let optionalOn = Object.entries(state.categories).some(([name, on]) => on && name !== 'essential')
  let badge = h('span', { class: 'badge', 'data-tone': !state.decided ? 'wait' : optionalOn ? 'on' : 'off' })
  badge.textContent = state.decided ? METHODS[state.method || ''] || String(state.method) : 'Not decided: the banner is asking'
  let list = h('ul', { class: 'kv' })
  for (let [name, on] of Object.entries(state.categories)) {
    list.append(h('li', {}, h('span', {}, name), h('strong', { class: on ? 'yes' : 'no' }, on ? 'allowed' : 'refused')))
  }
  if (state.id) list.append(h('li', {}, h('span', {}, 'consent id'), h('code', { title: state.id }, state.id.slice(0, 8) + '…')))
  if (state.updated) list.append(h('li', {}, h('span', {}, 'updated'), h('span', {}, time(state.updated))))
  byId('consent-state').replaceChildren(badge, list)
}

// `whenAllowed` resolves once; after a withdrawal (or reset) we ask for a new promise.
const whenAllowedMessage = byId('when-allowed')
let armed = false
function armWhenAllowed() {
  if (armed) return
  armed = true
  whenAllowedMessage.dataset.tone = 'wait'
  whenAllowedMessage.textContent = "cg.whenAllowed('analytics') is pending: nothing optional has run."
  // The analytics code is a separate chunk, requested only once analytics is allowed.
  void cg
    .whenAllowed('analytics')
    .then(() => import('./analytics-module'))
    .then((module) => {
      armed = false
      analytics = module
      void module.recordPageView(location.hash || '#/')
      whenAllowedMessage.dataset.tone = 'on'
      whenAllowedMessage.textContent = `cg.whenAllowed('analytics') resolved at ${new Date().toLocaleTimeString()}: analytics-module.ts was imported and sent a page view.`
    })
}

// Route changes count as page views while analytics is allowed (and its module is loaded).
let analytics: typeof import('./analytics-module') | undefined
window.addEventListener('hashchange', () => {
  if (analytics && cg.allowed('analytics')) void analytics.recordPageView(location.hash || '#/')
})

renderState(cg.consent.get())
armWhenAllowed()
cg.onChange((state) => {
  renderState(state)
  if (!state.categories.analytics) armWhenAllowed()
})

byId('open').addEventListener('click', () => cg.open())
byId('reset').addEventListener('click', () => cg.reset())

// A Cookie Settings button that did not exist when Cookiegate started.
byId('footer-links').append(h('li', {}, h('button', { type: 'button', class: 'linklike', 'data-cookie-settings': true }, 'Cookie Settings')))

// The tag tells us when it ran; show it on the Reports route.
document.addEventListener('demo-analytics:ran', (event) => {
  let run = (event as CustomEvent<TagRun>).detail
  let status = document.getElementById('tag-status')
  if (status) {
    status.dataset.tone = 'on'
    status.textContent = `The tag ran at ${time(run.ranAt)}: it set _ga=${run.id} and sent a pageview for ${run.page || location.hash}.`
  }
  setTimeout(pollEvents, 300)
})

// ---------------------------------------------------------------------------------------------
// What the fake analytics server received

let lastEvents = ''
async function pollEvents() {
  let events: AnalyticsEvent[]
  try {
    let response = await fetch('/demo-analytics/events', { cache: 'no-store' })
    if (!response.ok) return
    events = (await response.json()) as AnalyticsEvent[]
  } catch {
    return
  }
  let json = JSON.stringify(events)
  if (json === lastEvents) return
  lastEvents = json
  byId('event-count').textContent = String(events.length)
  byId('events-empty').hidden = events.length > 0
  byId('events').replaceChildren(
    ...events
      .slice(-6)
      .reverse()
      .map((e) =>
        h('li', {}, h('strong', {}, e.event), ' ', h('code', {}, e.url), ' ', h('span', { class: 'muted' }, `${time(e.received)}${e.cookie ? ' · with _ga cookie' : ''}`))
      )
  )
}
void pollEvents()
setInterval(() => void pollEvents(), 1000)
