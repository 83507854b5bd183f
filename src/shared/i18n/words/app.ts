import { bilingual } from './bilingual';

/** The words of the catalogue's `app` section. */
export const appWords = bilingual({
  en: {
    name: 'Bootstick',
    tagline: 'bootc image → verified USB stick',
    language: 'Language',
    steps: 'Steps',
  },
  ko: {
    name: 'Bootstick',
    tagline: 'bootc 이미지 → 검증된 USB 스틱',
    language: '언어',
    steps: '단계',
  },
});
