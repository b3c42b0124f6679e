/**
 * The SPA's analytics code, kept out of the main bundle: spa.ts imports it only after
 * `cg.whenAllowed('analytics')` resolved, the way an app would do
 * `cg.whenAllowed('analytics').then(() => import('posthog-js'))`.
 *
 * It sends a cookieless page view to the demo's fake analytics server (demo/vite.config.ts).
 */

export interface PageView {
  page: string
  sentAt: string
}

declare global {
  interface Window {
    /** What this module did, for the demo panel and the browser test. */
    demoAnalyticsModule?: { loadedAt: string; views: PageView[] }
  }
}

const state = (window.demoAnalyticsModule = window.demoAnalyticsModule || { loadedAt: new Date().toISOString(), views: [] })

/** Records a page view for `page` (a route such as `#/reports`). */
export function recordPageView(page: string): Promise<void> {
  let view: PageView = { page, sentAt: new Date().toISOString() }
  state.views.push(view)
  document.dispatchEvent(new CustomEvent('demo-analytics-module:pageview', { detail: view }))
  return fetch('/demo-analytics/capture', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    keepalive: true,
    body: JSON.stringify({
      event: 'pageview',
      distinct_id: 'anonymous',
      url: location.pathname + location.search + location.hash,
      page: `${page} (whenAllowed module)`,
      referrer: document.referrer,
      sent: view.sentAt
    })
  }).then(
    () => undefined,
    () => undefined
  )
}
