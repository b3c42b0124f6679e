import type { Cookiegate } from '../core/types'

/**
 * Whether an integration may run: its service when the site lists that service under the
 * category (`categories.analytics.services.posthog`), else the category itself.
 */
export function allowedFor(cg: Cookiegate, category: string, service?: string): boolean {
  if (service && cg.allowed(service)) return true
  let listed = service && cg.config.categories.some((c) => c.name === category && c.services.some((s) => s.name === service))
  return !listed && cg.allowed(category)
}
