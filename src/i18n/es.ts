import type { Translation } from '../ui/texts'

/** Español: the UI texts in `es`, loaded only for visitors who read it. */
const translation: Translation = {
  texts: {
    bannerTitle: 'Cookies en este sitio',
    bannerText: 'Usamos cookies esenciales para que este sitio funcione. Si nos das permiso, también usaremos cookies analíticas para saber cómo se utiliza. Puedes cambiar tu elección cuando quieras en «Configuración de cookies».',
    acceptAll: 'Aceptar todas',
    rejectAll: 'Rechazar todas',
    customise: 'Personalizar',
    save: 'Guardar selección',
    preferencesTitle: 'Configuración de cookies',
    preferencesText: 'Elige qué cookies podemos usar. Las cookies esenciales están siempre activas porque el sitio no funciona sin ellas.',
    policyLink: 'Política de privacidad',
    close: 'Cerrar',
    alwaysOn: 'Siempre activas',
    cookieTable: 'Cookies utilizadas',
    cookieName: 'Nombre',
    cookieProvider: 'Proveedor',
    cookiePurpose: 'Finalidad',
    cookieDuration: 'Duración',
    optOutTitle: 'Tus opciones de privacidad',
    optOutText: 'Las cookies de análisis y publicidad están activas mientras no te opongas. Desactiva lo que no quieras y guarda, o recházalo todo: así no venderemos ni compartiremos tu información personal ni la usaremos para publicidad dirigida.',
    optOutReject: 'No vender ni compartir mi información personal'
  },
  categories: {
    essential: ['Esenciales', 'Necesarias para que el sitio funcione, por ejemplo para mantener tu sesión iniciada y recordar esta elección. No se pueden desactivar.'],
    analytics: ['Analíticas', 'Nos ayudan a entender cómo se usa el sitio para mejorarlo (por ejemplo, PostHog). Desactivadas salvo que las actives.']
  }
}

export default translation
