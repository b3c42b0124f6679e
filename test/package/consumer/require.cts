// A CommonJS consumer under nodenext (TypeScript models Node's require() of ESM).
import { createCookiegate } from 'cookiegate'
import cookiegateCore = require('cookiegate/core')

const cg = createCookiegate({ categories: { essential: { required: true }, analytics: {} } })
// @ts-expect-error
cg.allowed('analytcs')
// @ts-expect-error
cookiegateCore.createConsent({ layot: 'box' })
