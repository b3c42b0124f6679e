import type { Translation } from '../ui/texts'

/** العربية: the UI texts in `ar`, loaded only for visitors who read it. */
const translation: Translation = {
  texts: {
    bannerTitle: 'ملفات تعريف الارتباط على هذا الموقع',
    bannerText: 'نستخدم ملفات تعريف الارتباط الضرورية لكي يعمل هذا الموقع. وبإذنك نستخدم أيضًا ملفات تعريف الارتباط التحليلية لفهم طريقة استخدام الموقع. يمكنك تغيير اختيارك في أي وقت من «إعدادات ملفات تعريف الارتباط».',
    acceptAll: 'قبول الكل',
    rejectAll: 'رفض الكل',
    customise: 'تخصيص',
    save: 'حفظ الاختيارات',
    preferencesTitle: 'إعدادات ملفات تعريف الارتباط',
    preferencesText: 'اختر ملفات تعريف الارتباط التي يمكننا استخدامها. الملفات الضرورية مفعّلة دائمًا لأن الموقع لا يعمل بدونها.',
    policyLink: 'سياسة الخصوصية',
    close: 'إغلاق',
    alwaysOn: 'مفعّلة دائمًا',
    cookieTable: 'ملفات تعريف الارتباط المستخدمة',
    cookieName: 'الاسم',
    cookieProvider: 'المزوّد',
    cookiePurpose: 'الغرض',
    cookieDuration: 'المدة'
  },
  categories: {
    essential: ['ضرورية', 'لازمة لعمل الموقع، مثل إبقائك مسجّلًا للدخول وتذكّر هذا الاختيار. لا يمكن إيقافها.'],
    analytics: ['تحليلية', 'تساعدنا على فهم طريقة استخدام الموقع لنحسّنه (مثل PostHog). تبقى متوقفة ما لم تفعّلها.']
  }
}

export default translation
