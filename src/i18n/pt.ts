import type { Translation } from '../ui/texts'

/** Português: the UI texts in `pt`, loaded only for visitors who read it. */
const translation: Translation = {
  texts: {
    bannerTitle: 'Cookies neste site',
    bannerText: 'Usamos cookies essenciais para o funcionamento deste site. Com a sua permissão, também usamos cookies de análise para entender como o site é usado. É possível alterar a escolha a qualquer momento em “Preferências de cookies”.',
    acceptAll: 'Aceitar todos',
    rejectAll: 'Rejeitar todos',
    customise: 'Personalizar',
    save: 'Confirmar escolhas',
    preferencesTitle: 'Preferências de cookies',
    preferencesText: 'Escolha quais cookies podemos usar. Os cookies essenciais estão sempre ativos porque o site não funciona sem eles.',
    policyLink: 'Política de privacidade',
    close: 'Fechar',
    alwaysOn: 'Sempre ativos',
    cookieTable: 'Cookies utilizados',
    cookieName: 'Nome',
    cookieProvider: 'Fornecedor',
    cookiePurpose: 'Finalidade',
    cookieDuration: 'Duração',
    optOutTitle: 'Suas escolhas de privacidade',
    optOutText: 'Os cookies de análise e publicidade ficam ativos, a menos que você se oponha. Desative o que não quiser e salve, ou recuse tudo: assim não vendemos nem compartilhamos suas informações pessoais nem as usamos para publicidade direcionada.',
    optOutReject: 'Não vender nem compartilhar minhas informações pessoais'
  },
  categories: {
    essential: ['Essenciais', 'Necessários para o funcionamento do site, por exemplo para manter a sessão iniciada e lembrar esta escolha. Não podem ser desativados.'],
    analytics: ['Análise', 'Mostram como o site é usado, para que possamos melhorá-lo (por exemplo, PostHog). Ficam desativados até que sejam ativados.']
  }
}

export default translation
