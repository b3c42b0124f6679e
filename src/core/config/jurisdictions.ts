/**
 * `jurisdictions` and `region`: which consent model applies to this visitor. The server knows the
 * region (an edge header, `regionFromHeaders`); the config maps regions to models.
 */
import { NO_JURISDICTIONS, REGION_CODE } from './codes'
import type { Jurisdiction, ResolvedConfig } from '../types'
import { fail, oneOf, section } from './check'

// ISO 3166-1 alpha-2 ("US"), or ISO 3166-2: that plus a subdivision of 1–3 letters or digits ("US-CA", "FR-75").
const CODE = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/
const MODELS: Jurisdiction[] = ['opt-in', 'opt-out']

/** A region code, upper-cased (edge headers and templates differ in case), or `undefined` noted as malformed. */
const code = (v: unknown, path: string): string | undefined => {
  let upper = typeof v === 'string' ? v.toUpperCase() : ''
  return CODE.test(upper) ? upper : fail(path, REGION_CODE, v)
}

/** The model in force for `region`: its own entry, else its country's, else opt-in. */
export const modelFor = (region: string | null | undefined, jurisdictions: Record<string, Jurisdiction> | null | undefined): Jurisdiction =>
  (region && jurisdictions && (jurisdictions[region] || jurisdictions[region.split('-')[0]!])) || 'opt-in'

export function checkJurisdictions(v: unknown): ResolvedConfig['jurisdictions'] {
  let raw = section(v, 'jurisdictions')
  if (!raw) return null
  let map: Record<string, Jurisdiction> = {}
  for (let [key, model] of Object.entries(raw)) {
    let at = 'jurisdictions.' + key
    let region = code(key, at)
    if (region) map[region] = oneOf(model, at, MODELS)
  }
  return map
}

/** `region`, checked against `jurisdictions` (resolved before it); sets the model in force. */
export function checkRegion(v: unknown, out: ResolvedConfig): string | null {
  let region = v == null ? null : code(v, 'region') || null
  if (region && !out.jurisdictions) fail('region', NO_JURISDICTIONS)
  out.jurisdiction = modelFor(region, out.jurisdictions)
  return region
}
