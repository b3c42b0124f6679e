import { describe, expect, test } from 'vitest'
import { CookiegateConfigError, resolveConfig } from '../../src/core/config'

const CATEGORIES = { essential: { required: true }, analytics: {}, marketing: {} }
const problems = (config: unknown) => {
  try {
    resolveConfig(config)
  } catch (error) {
    return (error as CookiegateConfigError).problems
  }
  return []
}

describe('integrations.clarity / metaPixel / microsoftUet config', () => {
  test('fills in the default categories and adds the vendors’ names to their erase lists', () => {
    let config = resolveConfig({
      categories: CATEGORIES,
      integrations: { clarity: { projectId: 'abc123' }, metaPixel: { pixelId: '1234567890123456' }, microsoftUet: { tagId: '12345678' } }
    })
    expect(config.integrations).toEqual({
      clarity: { projectId: 'abc123', category: 'analytics' },
      metaPixel: { pixelId: '1234567890123456', category: 'marketing' },
      microsoftUet: { tagId: '12345678', category: 'marketing' }
    })
    let [, analytics, marketing] = config.categories
    // The built-in analytics names stay; Clarity's join them.
    expect(analytics!.cookies).toEqual(['ph_*', '__ph_opt_in_out_*', '_ga', '_ga_*', '_gid', '_clck', '_clsk', 'CLID', 'ANONCHK', 'MR', 'MUID', 'SM'])
    expect(marketing!.cookies).toEqual(['_fbp', '_fbc', '_uet*', 'MUID'])
    expect(marketing!.storage).toEqual(['_uet*'])
    // The shared defaults are not changed for the next config.
    expect(resolveConfig({ categories: CATEGORIES }).categories[1]!.cookies).not.toContain('_clck')
  })

  test('category may name a service: its erase list gets the names', () => {
    let config = resolveConfig({
      categories: { essential: { required: true }, marketing: { services: { meta: { cookies: ['own'] }, bing: {} } } },
      integrations: { metaPixel: { pixelId: '1', category: 'meta' }, microsoftUet: { tagId: '2', category: 'bing' } }
    })
    let [meta, bing] = config.categories[1]!.services
    expect(config.integrations.metaPixel).toEqual({ pixelId: '1', category: 'meta' })
    expect(meta!.cookies).toEqual(['own', '_fbp', '_fbc'])
    expect(bing!.storage).toEqual(['_uet*'])
  })

  test('names every bad field and fails closed', () => {
    expect(
      problems({
        categories: { essential: { required: true }, analytics: {} },
        integrations: {
          clarity: { projectid: 'x' },
          metaPixel: { pixelId: 1234567890123456 },
          microsoftUet: { tagId: '../evil', category: 'essential' }
        }
      })
    ).toEqual([
      'integrations.clarity.projectid: unknown key (expected projectId or category)',
      'integrations.clarity.projectId: required',
      'integrations.metaPixel.pixelId: expected a string of letters and digits, got 1234567890123456',
      'integrations.metaPixel.category: no category or service "marketing" is configured',
      'integrations.microsoftUet.tagId: expected a string of letters and digits, got "../evil"',
      'integrations.microsoftUet.category: "essential" is required, so the vendor would run without consent'
    ])
    expect(problems({ integrations: { clarity: 'abc' } })).toEqual(['integrations.clarity: expected an object'])
    expect(problems({ integrations: { clarity: { projectId: 'abc', category: 'nope' } } })).toEqual([
      'integrations.clarity.category: no category or service "nope" is configured'
    ])
  })
})
