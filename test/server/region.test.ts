// @vitest-environment node
import { describe, expect, test } from 'vitest'
import { regionFromHeaders } from '../../src/server'

const b64 = (value: unknown) => btoa(JSON.stringify(value))

describe('regionFromHeaders', () => {
  test.each([
    ['Cloudflare', { 'cf-ipcountry': 'US', 'cf-region-code': 'CA' }, 'US-CA'],
    ['Cloudflare without visitor location headers', { 'cf-ipcountry': 'DE' }, 'DE'],
    ['Vercel', { 'x-vercel-ip-country': 'US', 'x-vercel-ip-country-region': 'TX' }, 'US-TX'],
    ['CloudFront', { 'cloudfront-viewer-country': 'GB', 'cloudfront-viewer-country-region': 'BNH' }, 'GB-BNH'],
    ['Fastly', { 'fastly-geo-country': 'JP', 'fastly-geo-region': '13' }, 'JP-13'],
    ['Fastly, a country without subdivisions', { 'fastly-geo-country': 'AX', 'fastly-geo-region': 'NO REGION' }, 'AX'],
    ['Netlify', { 'x-nf-geo': b64({ city: 'Sacramento', country: { code: 'US', name: 'United States' }, subdivision: { code: 'CA', name: 'California' } }) }, 'US-CA'],
    ['Netlify, JSON not yet encoded', { 'x-nf-geo': JSON.stringify({ country: { code: 'FR' } }) }, 'FR'],
    ['a whole ISO 3166-2 code as the region', { 'x-vercel-ip-country': 'DE', 'x-vercel-ip-country-region': 'DE-BE' }, 'DE-BE']
  ])('%s', (_name, headers, region) => {
    expect(regionFromHeaders(headers)).toBe(region)
    expect(regionFromHeaders(new Headers(headers))).toBe(region)
  })

  test.each([
    ['unknown (Cloudflare XX)', { 'cf-ipcountry': 'XX' }],
    ['Tor (Cloudflare T1)', { 'cf-ipcountry': 'T1' }],
    ['user-assigned and regional codes', { 'x-vercel-ip-country': 'ZZ', 'cloudfront-viewer-country': 'EU', 'fastly-geo-country': '**' }],
    ['garbage', { 'cf-ipcountry': 'germany' }],
    ['too long', { 'cf-ipcountry': 'DEU' }],
    ['script', { 'cf-ipcountry': '<s' }],
    ['Netlify garbage', { 'x-nf-geo': 'not base64!' }],
    ['Netlify, no country code', { 'x-nf-geo': b64({ country: { name: 'Germany' } }) }],
    ['Netlify, huge', { 'x-nf-geo': 'e'.repeat(10000) }],
    ['nothing', {}]
  ])('%s gives null', (_name, headers) => {
    expect(regionFromHeaders(headers as Record<string, string>)).toBeNull()
    expect(regionFromHeaders(new Headers(headers as Record<string, string>))).toBeNull()
  })

  test('a malformed region keeps the country', () => {
    expect(regionFromHeaders({ 'cf-ipcountry': 'US', 'cf-region-code': 'California' })).toBe('US')
    expect(regionFromHeaders({ 'cf-ipcountry': 'us', 'cf-region-code': 'ca' })).toBe('US-CA')
  })

  test('reads Node headers (any case, repeated values), never throws', () => {
    expect(regionFromHeaders({ 'CF-IPCountry': 'NL', 'cf-region-code': ['NH', 'ZH'] })).toBe('NL-NH')
    expect(regionFromHeaders(null)).toBeNull()
    expect(regionFromHeaders('US' as never)).toBeNull()
    let hostile = { get: () => { throw new Error('no') } }
    expect(regionFromHeaders(hostile)).toBeNull()
  })

  test('providers narrows to the headers your edge network sets', () => {
    let headers = { 'cf-ipcountry': 'US', 'cf-region-code': 'CA', 'x-vercel-ip-country': 'DE' }
    expect(regionFromHeaders(headers)).toBe('US-CA')
    expect(regionFromHeaders(headers, { providers: ['vercel'] })).toBe('DE')
    expect(regionFromHeaders(headers, { providers: ['netlify'] })).toBeNull()
  })
})
