import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { FEATURE_TRANSLATIONS } from '../features/registry';
import { da } from './da';
import { en } from './en';

export type AppLocale = 'da' | 'en';

const LOCALE_KEY = 'flowtavle.locale';

export function storedLocale(): AppLocale {
  try {
    return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'da';
  } catch {
    return 'da';
  }
}

export function rememberLocale(locale: AppLocale): void {
  try {
    localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // Private mode: the choice lasts for this session only.
  }
  document.documentElement.lang = locale;
  void i18next.changeLanguage(locale);
}

// Each feature brings its own namespace, so features never edit each other's dictionaries.
const resources = {
  da: { translation: da, ...Object.fromEntries(FEATURE_TRANSLATIONS.map((f) => [f.namespace, f.da])) },
  en: { translation: en, ...Object.fromEntries(FEATURE_TRANSLATIONS.map((f) => [f.namespace, f.en])) },
};

// The API client reads the language from here to render the host's messages (renderer/src/api/client.ts).
if (typeof document !== 'undefined') document.documentElement.lang = storedLocale();

void i18next.use(initReactI18next).init({
  resources,
  lng: storedLocale(),
  fallbackLng: 'da',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
