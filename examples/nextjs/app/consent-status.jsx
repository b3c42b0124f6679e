'use client'
import { useConsent } from './cookiegate.jsx'

export function ConsentStatus() {
  const consent = useConsent()
  const analytics = !consent ? '…' : !consent.decided ? 'not decided' : consent.categories.analytics ? 'on' : 'off'
  return <p id="analytics-state">Analytics: {analytics}</p>
}
