import { CookiegateProvider } from './cookiegate.jsx'

export const metadata = { title: 'Cookiegate + Next.js', icons: { icon: 'data:,' } }

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>
        <CookiegateProvider>
          {children}
          <footer>
            <button type="button" data-cookie-settings>Cookie settings</button>
          </footer>
        </CookiegateProvider>
      </body>
    </html>
  )
}
