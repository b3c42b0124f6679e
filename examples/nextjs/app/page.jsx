import Link from 'next/link'
import { ConsentStatus } from './consent-status.jsx'

export default function Home() {
  return (
    <main>
      <h1>Cookiegate + Next.js</h1>
      <ConsentStatus />
      <Link href="/about">About</Link>
    </main>
  )
}
