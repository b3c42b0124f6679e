import type { Translation } from '../ui/texts'

/** Polski: the UI texts in `pl`, loaded only for visitors who read it. */
const translation: Translation = {
  texts: {
    bannerTitle: 'Pliki cookie na tej stronie',
    bannerText: 'Używamy niezbędnych plików cookie, aby strona działała. Za Twoją zgodą użyjemy też analitycznych plików cookie, by zrozumieć, jak korzystasz ze strony. Swój wybór możesz zmienić w każdej chwili w „Ustawieniach cookie”.',
    acceptAll: 'Akceptuj wszystkie',
    rejectAll: 'Odrzuć wszystkie',
    customise: 'Dostosuj',
    save: 'Zapisz wybór',
    preferencesTitle: 'Ustawienia cookie',
    preferencesText: 'Wybierz, których plików cookie możemy używać. Niezbędne pliki cookie są zawsze włączone, bo bez nich strona nie działa.',
    policyLink: 'Polityka prywatności',
    close: 'Zamknij',
    alwaysOn: 'Zawsze włączone',
    cookieTable: 'Używane pliki cookie',
    cookieName: 'Nazwa',
    cookieProvider: 'Dostawca',
    cookiePurpose: 'Cel',
    cookieDuration: 'Okres przechowywania',
    optOutTitle: 'Twoje wybory dotyczące prywatności',
    optOutText: 'Pliki cookie analityczne i reklamowe są włączone, dopóki się nie sprzeciwisz. Wyłącz to, czego nie chcesz, i zapisz albo odrzuć wszystko: wtedy nie sprzedajemy ani nie udostępniamy Twoich danych osobowych i nie używamy ich do reklam ukierunkowanych.',
    optOutReject: 'Nie sprzedawaj ani nie udostępniaj moich danych osobowych'
  },
  categories: {
    essential: ['Niezbędne', 'Potrzebne do działania strony, np. do utrzymania zalogowania i zapamiętania tego wyboru. Nie można ich wyłączyć.'],
    analytics: ['Analityczne', 'Pomagają nam zrozumieć, jak korzystasz ze strony, abyśmy mogli ją ulepszać (np. PostHog). Wyłączone, dopóki ich nie włączysz.']
  }
}

export default translation
