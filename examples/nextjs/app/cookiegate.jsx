'use client'
import { createContext, useContext, useEffect, useState } from 'react'
import { useStore } from '@nanostores/react'
import { atom } from 'nanostores'
import { createCookiegate } from 'cookiegate'

const CookiegateContext = createContext(null)

// What components read before the instance exists: on the server and in the first render in the
// browser, which must match the server's HTML.
const noInstanceYet = atom(null)

/** Creates the one Cookiegate instance of the app, in the browser only, and shares it. */
export function CookiegateProvider({ children }) {
  const [cg, setCg] = useState(null)
  useEffect(() => {
    // Effects run only in the browser: createCookiegate needs the page (cookie, banner).
    const instance = createCookiegate({ policyUrl: '/privacy' })
    // The analytics code is fetched only once the visitor allows it, and at most once.
    instance.whenAllowed('analytics').then(() => import('./analytics.js'))
    setCg(instance)
    return () => instance.destroy()
  }, [])
  return <CookiegateContext.Provider value={cg}>{children}</CookiegateContext.Provider>
}

/** The instance, or `null` until it exists. */
export function useCookiegate() {
  return useContext(CookiegateContext)
}

/** The consent state (re-renders on every change), or `null` until the instance exists. */
export function useConsent() {
  const cg = useCookiegate()
  return useStore(cg ? cg.consent : noInstanceYet)
}
