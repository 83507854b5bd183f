import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron';
import type { FileDialogPurpose } from '../../shared/fileDialog';
import { en, ko } from '../../shared/i18n/catalogue';
import { translateFrom } from '../../shared/i18n/translate';
import type { Language } from '../../shared/settings';

/** Opens a native dialog for a purpose; the chosen path, or null when cancelled. */
export type FileChooser = (purpose: FileDialogPurpose) => Promise<string | null>;

/** What flash takes: raw disks and ISOs, optionally compressed (DESIGN.md). */
const DISK_IMAGE_EXTENSIONS = ['raw', 'img', 'iso', 'xz', 'gz', 'bz2', 'zip'];

/** The dialog for each purpose, in the app's language. */
export function fileDialogOptions(purpose: FileDialogPurpose, language: Language): OpenDialogOptions {
  const t = translateFrom(language === 'ko' ? ko : en);
  switch (purpose) {
    case 'diskImage':
      return {
        title: t('image.dialog.diskImage'),
        properties: ['openFile'],
        filters: [
          { name: t('image.dialog.diskImageFilter'), extensions: DISK_IMAGE_EXTENSIONS },
          { name: t('image.dialog.allFiles'), extensions: ['*'] },
        ],
      };
    case 'containerfile':
      return { title: t('image.dialog.containerfile'), properties: ['openFile'] };
    case 'buildContext':
      return { title: t('image.dialog.buildContext'), properties: ['openDirectory'] };
  }
}

/**
 * The Electron file chooser, handed Electron's dialog by index.ts (only index.ts and ipc.ts load
 * electron, DESIGN.md). The dialog is modal to the app's window when there is one.
 */
export function electronFileChooser(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  window: () => BrowserWindow | null,
  language: () => Language,
): FileChooser {
  return async (purpose) => {
    const options = fileDialogOptions(purpose, language());
    const parent = window();
    const { canceled, filePaths } = await (parent
      ? dialog.showOpenDialog(parent, options)
      : dialog.showOpenDialog(options));
    return canceled ? null : (filePaths[0] ?? null);
  };
}
