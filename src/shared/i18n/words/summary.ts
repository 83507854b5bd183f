import { bilingual } from './bilingual';

/** The words of the catalogue's `summary` section: the job at a glance above every step. */
export const summaryWords = bilingual({
  en: {
    label: 'This job at a glance',
    image: 'Image:',
    file: 'Disk image file:',
    users: 'Users:',
    type: 'Builds:',
    writes: 'Writes:',
    writesTo: '{{file}} to {{drives}}',
    noDrives: 'no drive picked yet',
    nothingYet: 'nothing yet',
    none: 'none yet',
  },
  ko: {
    label: '이 작업 한눈에 보기',
    image: '이미지:',
    file: '디스크 이미지 파일:',
    users: '사용자:',
    type: '빌드:',
    writes: '쓰기:',
    writesTo: '{{file}} → {{drives}}',
    noDrives: '아직 고른 드라이브 없음',
    nothingYet: '아직 없음',
    none: '아직 없음',
  },
});
