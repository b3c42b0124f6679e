import type { Translation } from '../ui/texts'

/** Svenska: the UI texts in `sv`, loaded only for visitors who read it. */
const translation: Translation = {
  texts: {
    bannerTitle: 'Cookies på den här webbplatsen',
    bannerText: 'Vi använder nödvändiga cookies för att webbplatsen ska fungera. Med ditt samtycke använder vi även analyscookies för att förstå hur webbplatsen används. Du kan när som helst ändra ditt val under ”Cookie-inställningar”.',
    acceptAll: 'Godkänn alla',
    rejectAll: 'Neka alla',
    customise: 'Anpassa',
    save: 'Spara val',
    preferencesTitle: 'Cookie-inställningar',
    preferencesText: 'Välj vilka cookies vi får använda. Nödvändiga cookies är alltid på eftersom webbplatsen inte fungerar utan dem.',
    policyLink: 'Integritetspolicy',
    close: 'Stäng',
    alwaysOn: 'Alltid på',
    cookieTable: 'Cookies som används',
    cookieName: 'Namn',
    cookieProvider: 'Leverantör',
    cookiePurpose: 'Syfte',
    cookieDuration: 'Lagringstid',
    optOutTitle: 'Dina integritetsval',
    optOutText: 'Cookies för statistik och annonsering är på tills du säger nej. Stäng av det du inte vill ha och spara, eller säg nej till allt: då säljer och delar vi inte dina personuppgifter och använder dem inte för riktad annonsering.',
    optOutReject: 'Sälj eller dela inte mina personuppgifter'
  },
  categories: {
    essential: ['Nödvändiga', 'Behövs för att webbplatsen ska fungera, till exempel för att hålla dig inloggad och komma ihåg det här valet. De kan inte stängas av.'],
    analytics: ['Analys', 'Hjälper oss att förstå hur webbplatsen används så att vi kan förbättra den (till exempel PostHog). Av tills du slår på dem.']
  }
}

export default translation
