import { en } from '../shared/i18n/catalogue';
import { translateFrom } from '../shared/i18n/translate';

/** The CLI speaks English, from the same catalogue as the app. */
export const translate = translateFrom(en);
