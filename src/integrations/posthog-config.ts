/** `integrations.posthog`: PostHog loaded by the script tag once its category or service is allowed. */
import { REQUIRED } from '../core/config/codes'
import type { Checker } from '../core/config/check'
import type { PostHogConfig } from '../core/types'

export const checkPosthog: Checker<PostHogConfig> = (raw, path, ctx) => {
  let ph = ctx.section(raw, path)
  if (!ph) return
  return ctx.shape<PostHogConfig>(ph, path, {
    token: (v, at) => (v === undefined ? ctx.fail(at, REQUIRED) : ctx.str(v, at)),
    apiHost: (v, at) => ctx.link(v, at, true) || '',
    category: (v, at) => ctx.target(v, at, ctx.categories, 'category', 'analytics'),
    service: (v, at) => ctx.target(v, at, ctx.services, 'service'),
    // Passed to posthog.init as given; the loader sets its own consent options over them.
    options: (v, at) => ctx.section(v, at) || {}
  })
}
