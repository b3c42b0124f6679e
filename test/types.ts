// Type tests, checked by `tsc --noEmit` (npm test's typecheck step); never run. Each
// `@ts-expect-error` fails the check once the line it covers compiles, i.e. once the typing is lost.
// test/package/ checks the same on the packed tarball's declarations.
import { createCookiegate, type Config, type ConsentState, type Cookiegate } from '../src/index'
import { createConsent } from '../src/core/index'
import { googleConsentMode } from '../src/integrations/google-consent-mode'
import { posthogIntegration } from '../src/integrations/posthog'

const cg = createCookiegate({ categories: { essential: { required: true }, analytics: {} } })
cg.allowed('analytics')
// @ts-expect-error a typo in a category name
cg.allowed('analytcs')
cg.whenAllowed('analytics')
// @ts-expect-error
cg.whenAllowed('marketing')
cg.save({ analytics: true })
// @ts-expect-error
cg.save({ analytic: true })
cg.onChange((state) => {
  let on: boolean = state.categories.analytics
  // @ts-expect-error
  void state.categories.analytcs
  return on
})

// Services are names too, gathered from every category.
const services = createCookiegate({
  categories: {
    essential: { required: true },
    analytics: { services: { posthog: {}, plausible: {} } },
    marketing: { services: { meta: { cookies: ['_fbp'] } } }
  }
})
services.allowed('posthog')
services.allowed('meta')
services.allowed('marketing')
services.save({ analytics: true, posthog: false })
// @ts-expect-error
services.allowed('postog')
let posthogOn: boolean = services.consent.get().services.posthog
void posthogOn

// No `categories`: the defaults.
createCookiegate().allowed('analytics')
createCookiegate({ policyUrl: '/privacy' }).whenAllowed('essential')
// @ts-expect-error
createCookiegate().allowed('marketing')

// The config is still checked: unknown keys and wrong values are errors, nested ones too.
// @ts-expect-error
createCookiegate({ layot: 'box' })
// @ts-expect-error
createCookiegate({ layout: 'boxed' })
// @ts-expect-error
createCookiegate({ categories: { analytics: { requird: true, label: 'Analytics' } } })
// @ts-expect-error
createCookiegate({ categories: { analytics: { services: { posthog: { cookie: ['ph_*'] } } } } })

// A config typed as plain `Config` (read from JSON, built at run time) takes any name.
declare const fromJson: Config
const loose = createCookiegate(fromJson)
declare const name: string
loose.allowed(name)
loose.allowed('anything')
loose.save({ [name]: true })
const headless = createConsent(fromJson)
headless.whenAllowed(name)

// The headless core names categories the same way.
// @ts-expect-error
createConsent({ categories: { essential: { required: true }, ads: {} } }).allowed('analytics')

// A named instance still goes wherever a plain one does.
const plain: Cookiegate = services
const state: ConsentState = services.consent.get()
googleConsentMode(cg)
posthogIntegration(services, { instance: { opt_in_capturing() {}, opt_out_capturing() {}, set_config() {} }, service: 'posthog' })
void plain
void state
