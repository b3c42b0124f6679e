// A consumer of the installed tarball. With skipLibCheck, a declaration that fails to resolve
// turns into `any` without a word: the `@ts-expect-error` lines below then fail.
import { createCookiegate, CookiegateConfigError, CookiegateError, type Config, type ConsentState, type Cookiegate } from 'cookiegate'
import { createConsent } from 'cookiegate/core'
import { mountUI } from 'cookiegate/ui'
import { googleConsentMode } from 'cookiegate/integrations/google-consent-mode'
import { posthogIntegration } from 'cookiegate/integrations/posthog'
import de from 'cookiegate/i18n/de'
import ar from 'cookiegate/i18n/ar'

// Each entry's exports are real types: were one `any` (or the error type an unresolved import
// leaves), the wrong use below would compile and its `@ts-expect-error` would fail.
// @ts-expect-error
createCookiegate(1)
// @ts-expect-error
createConsent(1)
// @ts-expect-error
mountUI(1)
// @ts-expect-error
googleConsentMode(1)
// @ts-expect-error
posthogIntegration(1, {})
// @ts-expect-error
const language: number = de
// @ts-expect-error
const rtl: number = ar
// @ts-expect-error
const config: Config = 1
// @ts-expect-error
const instance: Cookiegate = 1
// @ts-expect-error
const state: ConsentState = 1
// @ts-expect-error
const failure: CookiegateError = 1
void [language, rtl, config, instance, state, failure]

const cg = createCookiegate({ categories: { essential: { required: true }, analytics: { services: { posthog: {} } } } })
cg.allowed('analytics')
cg.allowed('posthog')
// @ts-expect-error a typo in a category name
cg.allowed('analytcs')
// @ts-expect-error
cg.save({ analytic: true })
// @ts-expect-error an unknown config key
createCookiegate({ layot: 'box' })
// @ts-expect-error
createConsent({ categories: { ads: {} } }).whenAllowed('analytics')
declare const plain: Config
createCookiegate(plain).allowed('whatever')

// @ts-expect-error an instance is not a number
const n: number = cg
void n
// @ts-expect-error mountUI takes an instance
mountUI('cookiegate')
googleConsentMode(cg, { analytics_storage: 'analytics' })
// @ts-expect-error
googleConsentMode(cg, { analytics_storag: 'analytics' })
const title: string = de.texts.bannerTitle
void title
const error: CookiegateError = new CookiegateConfigError(['layout: expected "bar" or "box"'])
void error

// Nothing internal is exported.
// @ts-expect-error
import { t } from 'cookiegate/core'
void t
