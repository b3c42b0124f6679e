import type { Translation } from '../ui/texts'

/** Nederlands: the UI texts in `nl`, loaded only for visitors who read it. */
const translation: Translation = {
  texts: {
    bannerTitle: 'Cookies op deze website',
    bannerText: 'We gebruiken noodzakelijke cookies om deze website te laten werken. Met je toestemming gebruiken we ook analytische cookies om te begrijpen hoe de website wordt gebruikt. Je kunt je keuze altijd wijzigen via ‘Cookie-instellingen’.',
    acceptAll: 'Alles accepteren',
    rejectAll: 'Alles weigeren',
    customise: 'Aanpassen',
    save: 'Keuze opslaan',
    preferencesTitle: 'Cookie-instellingen',
    preferencesText: 'Kies welke cookies we mogen gebruiken. Noodzakelijke cookies staan altijd aan, omdat de website zonder ze niet werkt.',
    policyLink: 'Privacyverklaring',
    close: 'Sluiten',
    alwaysOn: 'Altijd aan',
    cookieTable: 'Gebruikte cookies',
    cookieName: 'Naam',
    cookieProvider: 'Aanbieder',
    cookiePurpose: 'Doel',
    cookieDuration: 'Bewaartermijn',
    optOutTitle: 'Je privacykeuzes',
    optOutText: 'Analyse- en advertentiecookies staan aan zolang je geen bezwaar maakt. Zet uit wat je niet wilt en sla op, of weiger alles: dan verkopen en delen we je persoonsgegevens niet en gebruiken we ze niet voor gerichte advertenties.',
    optOutReject: 'Mijn persoonsgegevens niet verkopen of delen'
  },
  categories: {
    essential: ['Noodzakelijk', 'Nodig om de website te laten werken, bijvoorbeeld om je ingelogd te houden en deze keuze te onthouden. Ze kunnen niet uit.'],
    analytics: ['Analyse', 'Helpen ons te begrijpen hoe de website wordt gebruikt, zodat we hem kunnen verbeteren (bijvoorbeeld PostHog). Uit, tenzij je ze aanzet.']
  }
}

export default translation
