import { en, ko } from '../../shared/i18n/catalogue';
import type { Language } from '../../shared/settings';

/** The words of the native menu and dialogs, which main draws itself (the renderer has its own i18n). */
export interface ShellText {
  file: string;
  edit: string;
  view: string;
  help: string;
  openLogs: string;
  about: string;
  aboutTitle: string;
  podmanMissing: string;
  bibImage: string;
  bibDigest: string;
  bibNotPinned: string;
  ok: string;
  flashingTitle: string;
  flashingMessage: (count: number) => string;
  flashingDetail: string;
  keepFlashing: string;
  stopAndQuit: string;
  flashDoneTitle: string;
  verifyDoneTitle: string;
  flashRefusedTitle: string;
  drivesOutcome: (good: number, total: number) => string;
  buildDoneTitle: string;
  buildFailedTitle: string;
  imageBuildDoneTitle: string;
  imageBuildFailedTitle: string;
  pushDoneTitle: string;
  pushFailedTitle: string;
}

/** The shell's words, in the settings' language, from the catalogue (shared/i18n/words/shell.ts). */
export function shellText(language: Language): ShellText {
  const words = (language === 'ko' ? ko : en).shell;
  const fill = (text: string, values: Record<string, number>) =>
    text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
  return {
    ...words,
    flashingMessage: (count) => (count === 1 ? words.flashingOne : fill(words.flashingMany, { count })),
    drivesOutcome: (good, total) =>
      good === total
        ? total === 1
          ? words.driveDone
          : fill(words.drivesAllDone, { total })
        : fill(words.drivesSomeFailed, { failed: total - good, total }),
  };
}
