import type { Translation } from '../ui/texts'

/** Français: the UI texts in `fr`, loaded only for visitors who read it. */
const translation: Translation = {
  texts: {
    bannerTitle: 'Les cookies sur ce site',
    bannerText: 'Nous utilisons des cookies essentiels au fonctionnement du site. Avec votre accord, nous utilisons aussi des cookies de mesure d’audience pour comprendre comment le site est utilisé. Vous pouvez modifier votre choix à tout moment dans « Paramètres des cookies ».',
    acceptAll: 'Tout accepter',
    rejectAll: 'Tout refuser',
    customise: 'Personnaliser',
    save: 'Enregistrer mes choix',
    preferencesTitle: 'Paramètres des cookies',
    preferencesText: 'Choisissez les cookies que nous pouvons utiliser. Les cookies essentiels sont toujours actifs, car le site ne peut pas fonctionner sans eux.',
    policyLink: 'Politique de confidentialité',
    close: 'Fermer',
    alwaysOn: 'Toujours actifs',
    cookieTable: 'Cookies utilisés',
    cookieName: 'Nom',
    cookieProvider: 'Fournisseur',
    cookiePurpose: 'Finalité',
    cookieDuration: 'Durée',
    optOutTitle: 'Vos choix de confidentialité',
    optOutText: 'Les cookies d’analyse et de publicité sont actifs tant que vous ne vous y opposez pas. Désactivez ce que vous ne voulez pas et enregistrez, ou refusez tout : nous ne vendons alors ni ne partageons vos données personnelles, et ne les utilisons pas pour de la publicité ciblée.',
    optOutReject: 'Ne pas vendre ni partager mes données personnelles'
  },
  categories: {
    essential: ['Essentiels', 'Nécessaires au fonctionnement du site, par exemple pour rester connecté et mémoriser ce choix. Ils ne peuvent pas être désactivés.'],
    analytics: ['Mesure d’audience', 'Nous aident à comprendre comment le site est utilisé afin de l’améliorer (par exemple PostHog). Désactivés tant que vous ne les activez pas.']
  }
}

export default translation
