import type { Translation } from '../ui/texts'

/** Čeština: the UI texts in `cs`, loaded only for visitors who read it. */
const translation: Translation = {
  texts: {
    bannerTitle: 'Cookies na tomto webu',
    bannerText: 'Používáme nezbytné cookies, aby web fungoval. S vaším souhlasem použijeme také analytické cookies, abychom pochopili, jak se web používá. Svou volbu můžete kdykoli změnit v „Nastavení cookies“.',
    acceptAll: 'Přijmout vše',
    rejectAll: 'Odmítnout vše',
    customise: 'Upravit',
    save: 'Uložit volbu',
    preferencesTitle: 'Nastavení cookies',
    preferencesText: 'Vyberte, které cookies smíme používat. Nezbytné cookies jsou vždy zapnuté, protože bez nich web nefunguje.',
    policyLink: 'Zásady ochrany osobních údajů',
    close: 'Zavřít',
    alwaysOn: 'Vždy zapnuté',
    cookieTable: 'Používané cookies',
    cookieName: 'Název',
    cookieProvider: 'Poskytovatel',
    cookiePurpose: 'Účel',
    cookieDuration: 'Doba uložení',
    optOutTitle: 'Vaše volby soukromí',
    optOutText: 'Analytické a reklamní cookies jsou zapnuté, dokud je neodmítnete. Vypněte, co nechcete, a uložte, nebo odmítněte vše: pak vaše osobní údaje neprodáváme, nesdílíme ani nepoužíváme k cílené reklamě.',
    optOutReject: 'Neprodávat ani nesdílet mé osobní údaje'
  },
  categories: {
    essential: ['Nezbytné', 'Potřebné pro fungování webu, například aby vás udržely přihlášené a zapamatovaly si tuto volbu. Nelze je vypnout.'],
    analytics: ['Analytické', 'Pomáhají nám pochopit, jak se web používá, abychom ho mohli zlepšovat (například PostHog). Vypnuté, dokud je nezapnete.']
  }
}

export default translation
