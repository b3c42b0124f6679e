import type { Translation } from '../ui/texts'

/** Dansk: the UI texts in `da`, loaded only for visitors who read it. */
const translation: Translation = {
  texts: {
    bannerTitle: 'Cookies på dette website',
    bannerText: 'Vi bruger nødvendige cookies for at få websitet til at fungere. Med dit samtykke bruger vi også statistikcookies til at forstå, hvordan websitet bliver brugt. Du kan altid ændre dit valg under »Cookie-indstillinger«.',
    acceptAll: 'Accepter alle',
    rejectAll: 'Afvis alle',
    customise: 'Tilpas',
    save: 'Gem valg',
    preferencesTitle: 'Cookie-indstillinger',
    preferencesText: 'Vælg, hvilke cookies vi må bruge. Nødvendige cookies er altid slået til, fordi websitet ikke fungerer uden dem.',
    policyLink: 'Privatlivspolitik',
    close: 'Luk',
    alwaysOn: 'Altid slået til',
    cookieTable: 'Anvendte cookies',
    cookieName: 'Navn',
    cookieProvider: 'Udbyder',
    cookiePurpose: 'Formål',
    cookieDuration: 'Varighed',
    optOutTitle: 'Dine privatlivsvalg',
    optOutText: 'Cookies til statistik og annoncering er slået til, medmindre du fravælger dem. Slå fra, hvad du ikke ønsker, og gem, eller fravælg alt: Så sælger og deler vi ikke dine personoplysninger og bruger dem ikke til målrettede annoncer.',
    optOutReject: 'Sælg eller del ikke mine personoplysninger'
  },
  categories: {
    essential: ['Nødvendige', 'Kræves for at websitet fungerer, fx for at holde dig logget ind og huske dette valg. De kan ikke slås fra.'],
    analytics: ['Statistik', 'Hjælper os med at forstå, hvordan websitet bruges, så vi kan gøre det bedre (fx PostHog). Slået fra, indtil du slår dem til.']
  }
}

export default translation
