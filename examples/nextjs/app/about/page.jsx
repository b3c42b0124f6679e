import Link from 'next/link'
import { ConsentStatus } from '../consent-status.jsx'

export default function About() {
  return (
    <main>
      <h1>About</h1>
      <ConsentStatus />
      <Link href="/">Home</Link>
    </main>
  )
}
