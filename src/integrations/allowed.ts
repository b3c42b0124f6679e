import type { Cookiegate } from '../core/types'

/**
 * Whether an integration may run: its service when the site lists that service under the
 * category (`categories.analytics.services.posthog`), else the category itself.
 */
export function allowedFor(cg: Cookiegate, category: string, service?: string): boolean {
  if (!service) return cg.allowed(category)
  if (cg.allowed(service)) return true
  let services = (cg.config.categories.find((c) => c.name === category) as { services?: unknown } | undefined)?.services
  let listed = Array.isArray(services)
    ? services.some((s) => s === service || (s as { name?: string })?.name === service)
    : !!services && typeof services === 'object' && service in services
  return !listed && cg.allowed(category)
}
