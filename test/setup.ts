import { cleanup } from '@testing-library/preact'
import { afterEach } from 'vitest'

// Every test starts from a page with no cookies, no storage and no leftover UI.
afterEach(() => {
  // test/dist.test.ts runs in plain Node.
  if (typeof document === 'undefined') return
  cleanup()
  for (let cookie of document.cookie.split(';')) {
    let name = cookie.split('=')[0]!.trim()
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`
  }
  localStorage.clear()
  sessionStorage.clear()
  document.body.innerHTML = ''
  document.head.innerHTML = ''
  document.adoptedStyleSheets = []
  delete (window as { Cookiegate?: unknown }).Cookiegate
  delete (window as { cookiegateConfig?: unknown }).cookiegateConfig
})
