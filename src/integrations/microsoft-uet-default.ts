/**
 * UET consent mode's default, which must be in the queue before any UET tag reads it. Only a
 * queue entry: nothing is fetched and nothing is stored. The script tag runs it as it is
 * evaluated when `integrations.microsoftUet` is configured.
 */
export function uetConsentDefault(): void {
  let w = window as unknown as { uetq?: unknown[] }
  ;(w.uetq = w.uetq || []).push('consent', 'default', { ad_storage: 'denied' })
}
