import type { Translation } from '../ui/texts'

/** Suomi: the UI texts in `fi`, loaded only for visitors who read it. */
const translation: Translation = {
  texts: {
    bannerTitle: 'Evästeet tällä sivustolla',
    bannerText: 'Käytämme välttämättömiä evästeitä, jotta sivusto toimii. Luvallasi käytämme myös analytiikkaevästeitä ymmärtääksemme, miten sivustoa käytetään. Voit muuttaa valintaasi milloin tahansa kohdasta ”Evästeasetukset”.',
    acceptAll: 'Hyväksy kaikki',
    rejectAll: 'Hylkää kaikki',
    customise: 'Muokkaa',
    save: 'Tallenna valinnat',
    preferencesTitle: 'Evästeasetukset',
    preferencesText: 'Valitse, mitä evästeitä saamme käyttää. Välttämättömät evästeet ovat aina käytössä, koska sivusto ei toimi ilman niitä.',
    policyLink: 'Tietosuojaseloste',
    close: 'Sulje',
    alwaysOn: 'Aina käytössä',
    cookieTable: 'Käytetyt evästeet',
    cookieName: 'Nimi',
    cookieProvider: 'Tarjoaja',
    cookiePurpose: 'Tarkoitus',
    cookieDuration: 'Säilytysaika',
    optOutTitle: 'Tietosuojavalintasi',
    optOutText: 'Analytiikka- ja mainosevästeet ovat käytössä, ellet kiellä niitä. Poista käytöstä se, mitä et halua, ja tallenna, tai kiellä kaikki: silloin emme myy emmekä jaa henkilötietojasi emmekä käytä niitä kohdennettuun mainontaan.',
    optOutReject: 'Älä myy tai jaa henkilötietojani'
  },
  categories: {
    essential: ['Välttämättömät', 'Tarvitaan sivuston toimintaan, esimerkiksi kirjautumisen säilyttämiseen ja tämän valinnan muistamiseen. Niitä ei voi poistaa käytöstä.'],
    analytics: ['Analytiikka', 'Auttavat meitä ymmärtämään, miten sivustoa käytetään, jotta voimme parantaa sitä (esimerkiksi PostHog). Pois käytöstä, kunnes otat ne käyttöön.']
  }
}

export default translation
