import type { Translation } from '../ui/texts'

/** עברית: the UI texts in `he`, loaded only for visitors who read it. */
const translation: Translation = {
  texts: {
    bannerTitle: 'עוגיות באתר הזה',
    bannerText: 'אנחנו משתמשים בעוגיות חיוניות כדי שהאתר יפעל. באישורך נשתמש גם בעוגיות ניתוח כדי להבין איך משתמשים באתר. אפשר לשנות את הבחירה בכל עת ב"הגדרות עוגיות".',
    acceptAll: 'אישור הכול',
    rejectAll: 'דחיית הכול',
    customise: 'התאמה אישית',
    save: 'שמירת הבחירה',
    preferencesTitle: 'הגדרות עוגיות',
    preferencesText: 'בחרו באילו עוגיות נוכל להשתמש. עוגיות חיוניות פעילות תמיד, כי האתר לא יכול לפעול בלעדיהן.',
    policyLink: 'מדיניות פרטיות',
    close: 'סגירה',
    alwaysOn: 'תמיד פעילות',
    cookieTable: 'עוגיות בשימוש',
    cookieName: 'שם',
    cookieProvider: 'ספק',
    cookiePurpose: 'מטרה',
    cookieDuration: 'משך שמירה',
    optOutTitle: 'אפשרויות הפרטיות שלך',
    optOutText: 'עוגיות ניתוח ופרסום פעילות כל עוד לא ביקשתם לבטל אותן. כבו את מה שאינכם רוצים ושמרו, או סרבו להכול: אז לא נמכור ולא נשתף את המידע האישי שלכם ולא נשתמש בו לפרסום ממוקד.',
    optOutReject: 'אל תמכרו ואל תשתפו את המידע האישי שלי'
  },
  categories: {
    essential: ['חיוניות', 'נחוצות לפעולת האתר, למשל כדי שתישארו מחוברים וכדי לזכור את הבחירה הזו. אי אפשר לכבות אותן.'],
    analytics: ['ניתוח', 'עוזרות לנו להבין איך משתמשים באתר כדי לשפר אותו (למשל PostHog). כבויות עד שתפעילו אותן.']
  }
}

export default translation
