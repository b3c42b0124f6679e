import { describe, expect, test } from 'vitest'
import { cookieDomains, cookiePaths, eraseCookies, eraseStorage, globsToRegExp } from '../../src/core/erase'

describe('globsToRegExp', () => {
  test('matches whole names with * as a wildcard', () => {
    let re = globsToRegExp(['ph_*', '_ga', 'a.b'])!
    expect(['ph_x_posthog', 'ph_', '_ga', 'a.b'].every((n) => re.test(n))).toBe(true)
    expect(['xph_1', '_ga_1', '_gax', 'aXb'].some((n) => re.test(n))).toBe(false)
  })

  test('is null for no globs', () => {
    expect(globsToRegExp([])).toBeNull()
  })
})

describe('cookieDomains', () => {
  test('covers the host and every parent domain', () => {
    expect(cookieDomains('a.www.shop.co.uk')).toEqual([undefined, 'a.www.shop.co.uk', 'www.shop.co.uk', 'shop.co.uk', 'co.uk'])
  })

  test('has only the host-only variant for IPs and single labels', () => {
    expect(cookieDomains('127.0.0.1')).toEqual([undefined])
    expect(cookieDomains('localhost')).toEqual([undefined])
    expect(cookieDomains('[::1]')).toEqual([undefined])
  })
})

describe('cookiePaths', () => {
  test('covers root and every prefix of the current path', () => {
    expect(cookiePaths('/')).toEqual(['/'])
    expect(cookiePaths('/docs/a/page')).toEqual(['/', '/docs', '/docs/', '/docs/a', '/docs/a/', '/docs/a/page'])
  })
})

describe('eraseCookies', () => {
  test('deletes matching cookies and keeps the rest', () => {
    document.cookie = 'ph_abc_posthog=1; path=/'
    document.cookie = '_ga=2; path=/'
    document.cookie = 'session=3; path=/'
    expect(eraseCookies(['ph_*', '_ga']).sort()).toEqual(['_ga', 'ph_abc_posthog'])
    expect(document.cookie).toBe('session=3')
  })

  test('deletes a cookie set on the parent domain', () => {
    document.cookie = '_ga=1; path=/; domain=example.test'
    expect(document.cookie).toContain('_ga=1')
    eraseCookies(['_ga'])
    expect(document.cookie).not.toContain('_ga')
  })
})

describe('eraseStorage', () => {
  test('deletes matching keys from localStorage and sessionStorage', () => {
    localStorage.setItem('ph_a', '1')
    localStorage.setItem('keep', '1')
    sessionStorage.setItem('ph_b', '1')
    eraseStorage(['ph_*'])
    expect(localStorage.getItem('ph_a')).toBeNull()
    expect(localStorage.getItem('keep')).toBe('1')
    expect(sessionStorage.getItem('ph_b')).toBeNull()
  })
})
