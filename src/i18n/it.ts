import type { Translation } from '../ui/texts'

/** Italiano: the UI texts in `it`, loaded only for visitors who read it. */
const translation: Translation = {
  texts: {
    bannerTitle: 'Cookie su questo sito',
    bannerText: 'Usiamo cookie essenziali per far funzionare il sito. Con il tuo consenso useremo anche cookie analitici per capire come viene utilizzato. Puoi cambiare la tua scelta in qualsiasi momento da «Impostazioni cookie».',
    acceptAll: 'Accetta tutti',
    rejectAll: 'Rifiuta tutti',
    customise: 'Personalizza',
    save: 'Salva le scelte',
    preferencesTitle: 'Impostazioni cookie',
    preferencesText: 'Scegli quali cookie possiamo usare. I cookie essenziali sono sempre attivi perché senza di loro il sito non funziona.',
    policyLink: 'Informativa sulla privacy',
    close: 'Chiudi',
    alwaysOn: 'Sempre attivi',
    cookieTable: 'Cookie utilizzati',
    cookieName: 'Nome',
    cookieProvider: 'Fornitore',
    cookiePurpose: 'Finalità',
    cookieDuration: 'Durata',
    optOutTitle: 'Le tue scelte sulla privacy',
    optOutText: 'I cookie di analisi e pubblicità sono attivi finché non ti opponi. Disattiva ciò che non vuoi e salva, oppure rifiuta tutto: così non venderemo né condivideremo i tuoi dati personali e non li useremo per pubblicità mirata.',
    optOutReject: 'Non vendere né condividere i miei dati personali'
  },
  categories: {
    essential: ['Essenziali', 'Servono al funzionamento del sito, ad esempio per mantenere l’accesso e ricordare questa scelta. Non si possono disattivare.'],
    analytics: ['Statistiche', 'Ci aiutano a capire come viene usato il sito per migliorarlo (ad esempio PostHog). Disattivati finché non li attivi.']
  }
}

export default translation
