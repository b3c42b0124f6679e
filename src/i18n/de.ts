import type { Translation } from '../ui/texts'

/** Deutsch: the UI texts in `de`, loaded only for visitors who read it. */
const translation: Translation = {
  texts: {
    bannerTitle: 'Cookies auf dieser Website',
    bannerText: 'Wir verwenden notwendige Cookies, damit diese Website funktioniert. Mit Ihrer Zustimmung nutzen wir außerdem Analyse-Cookies, um zu verstehen, wie die Website genutzt wird. Ihre Auswahl können Sie jederzeit unter „Cookie-Einstellungen“ ändern.',
    acceptAll: 'Alle akzeptieren',
    rejectAll: 'Alle ablehnen',
    customise: 'Anpassen',
    save: 'Auswahl speichern',
    preferencesTitle: 'Cookie-Einstellungen',
    preferencesText: 'Legen Sie fest, welche Cookies wir verwenden dürfen. Notwendige Cookies sind immer aktiv, weil die Website ohne sie nicht funktioniert.',
    policyLink: 'Datenschutzerklärung',
    close: 'Schließen',
    alwaysOn: 'Immer aktiv',
    cookieTable: 'Verwendete Cookies',
    cookieName: 'Name',
    cookieProvider: 'Anbieter',
    cookiePurpose: 'Zweck',
    cookieDuration: 'Speicherdauer',
    optOutTitle: 'Ihre Datenschutzoptionen',
    optOutText: 'Analyse- und Werbe-Cookies sind aktiv, solange Sie nicht widersprechen. Schalten Sie aus, was Sie nicht möchten, und speichern Sie, oder widersprechen Sie allem: Dann verkaufen und teilen wir Ihre personenbezogenen Daten nicht und nutzen sie nicht für gezielte Werbung.',
    optOutReject: 'Meine personenbezogenen Daten nicht verkaufen oder teilen'
  },
  categories: {
    essential: ['Notwendig', 'Erforderlich, damit die Website funktioniert, etwa um Sie angemeldet zu halten und diese Auswahl zu speichern. Sie lassen sich nicht abschalten.'],
    analytics: ['Analyse', 'Helfen uns zu verstehen, wie die Website genutzt wird, damit wir sie verbessern können (zum Beispiel PostHog). Nur aktiv, wenn Sie sie einschalten.']
  }
}

export default translation
