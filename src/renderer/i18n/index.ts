import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, ko } from '../../shared/i18n/catalogue';
import type { Language } from '../../shared/settings';

export const LANGUAGES: { code: Language; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'ko', name: '한국어' },
];

void i18next.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: en }, ko: { translation: ko } },
  interpolation: { escapeValue: false }, // React escapes already
  initAsync: false,
});

/** Switches the UI language and the document's lang attribute (screen readers use it). */
export function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

export { i18next };
