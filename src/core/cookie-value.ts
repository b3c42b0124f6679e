import type { ConsentState } from './types'

/** The stored choice's cookie value (CONTRACT §5), before URI encoding; `parseChoice` reads it back. */
export const serializeChoice = (state: ConsentState): string =>
  JSON.stringify({
    v: 1,
    revision: state.revision,
    id: state.id,
    given: state.given,
    updated: state.updated,
    categories: state.categories,
    // Only when services are configured, so the cookie stays as it was for everyone else.
    ...(Object.keys(state.services).length ? { services: state.services } : {}),
    method: state.method
  })
