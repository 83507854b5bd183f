import i18next from 'i18next';
import type { Translate } from '../shared/i18n/describeReason';
import { en } from '../shared/i18n/en';

const instance = i18next.createInstance();
// Resources are inline, so initialisation completes synchronously.
void instance.init({
  lng: 'en',
  resources: { en: { translation: en } },
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** The CLI speaks English, from the same catalogue as the app. */
export const translate: Translate = (key, values) => instance.t(key, values);
