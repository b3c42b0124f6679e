/**
 * The embed placeholder's texts in English and every bundled language: its file shows without the
 * UI and its language files, so a visitor who refused still reads it in the banner's language.
 * Not in ./index, which the core imports too: the core does not carry them.
 */
/** embedText, loadOnce and alwaysAllow, by language. */
export const EMBED_TEXTS: Record<string, [embedText: string, loadOnce: string, alwaysAllow: string]> = {
  en: ['This content is hosted by {host}. Showing it needs your consent to {category} cookies.', 'Load this once', 'Always allow {category}'],
  de: ['Dieser Inhalt wird von {host} bereitgestellt. Um ihn anzuzeigen, brauchen wir Ihre Zustimmung zu {category}-Cookies.', 'Einmal laden', '{category} immer erlauben'],
  fr: ['Ce contenu est hébergé par {host}. Pour l’afficher, nous avons besoin de votre accord pour les cookies « {category} ».', 'Charger cette fois', 'Toujours autoriser « {category} »'],
  es: ['Este contenido está alojado en {host}. Para mostrarlo necesitamos tu consentimiento para las cookies de «{category}».', 'Cargar solo esta vez', 'Permitir siempre «{category}»'],
  it: ['Questo contenuto è ospitato da {host}. Per mostrarlo serve il tuo consenso ai cookie «{category}».', 'Carica solo questa volta', 'Consenti sempre «{category}»'],
  nl: ['Deze inhoud staat bij {host}. Om hem te tonen hebben we je toestemming nodig voor {category}-cookies.', 'Eenmalig laden', '{category} altijd toestaan'],
  pt: ['Este conteúdo está alojado em {host}. Para o mostrar, precisamos do seu consentimento para cookies de «{category}».', 'Carregar só desta vez', 'Permitir sempre «{category}»'],
  pl: ['Ta treść pochodzi z {host}. Aby ją wyświetlić, potrzebujemy Twojej zgody na pliki cookie „{category}”.', 'Wczytaj tylko teraz', 'Zawsze zezwalaj na „{category}”'],
  sv: ['Det här innehållet ligger hos {host}. För att visa det behöver vi ditt samtycke till {category}-cookies.', 'Ladda bara den här gången', 'Tillåt alltid {category}'],
  da: ['Dette indhold ligger hos {host}. For at vise det skal vi have dit samtykke til {category}-cookies.', 'Indlæs kun denne gang', 'Tillad altid {category}'],
  fi: ['Tämä sisältö tulee palvelusta {host}. Sen näyttäminen vaatii suostumuksesi evästeisiin ”{category}”.', 'Lataa vain tämän kerran', 'Salli aina ”{category}”'],
  cs: ['Tento obsah poskytuje {host}. K jeho zobrazení potřebujeme váš souhlas s cookies „{category}“.', 'Načíst jen tentokrát', 'Vždy povolit „{category}“'],
  ar: ['هذا المحتوى مستضاف لدى {host}. لعرضه نحتاج إلى موافقتك على ملفات تعريف الارتباط «{category}».', 'تحميل هذه المرة فقط', 'السماح دائمًا بـ«{category}»'],
  he: ['התוכן הזה מתארח אצל {host}. כדי להציג אותו נדרשת הסכמתך לעוגיות „{category}”.', 'טעינה הפעם בלבד', 'לאפשר תמיד „{category}”']
}
