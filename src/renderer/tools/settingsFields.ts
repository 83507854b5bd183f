import { ImageRefSchema } from '../../shared/diskImages/bibRun';
import type { Language, Settings, SettingsPatch, Theme } from '../../shared/settings';

/** The Settings form's fields as a person edits them: sizes in GB, an empty folder for the default. */
export interface SettingsFields {
  bibImage: string;
  showVirtualDrives: boolean;
  thresholdGb: string;
  language: Language;
  theme: Theme;
  buildOutputDir: string;
}
export type SettingsField = keyof SettingsFields;

/** Translation keys of the reasons a field's value cannot be saved. */
export type FieldErrors = Partial<Record<SettingsField, string>>;

/** Drive makers' gigabytes (1e9 bytes), as printed on the stick and shown everywhere else. */
const GB = 1e9;

export function fieldsOf(settings: Settings): SettingsFields {
  return {
    bibImage: settings.bibImage,
    showVirtualDrives: settings.showVirtualDrives,
    thresholdGb: String(settings.largeDriveThresholdBytes / GB),
    language: settings.language,
    theme: settings.theme,
    buildOutputDir: settings.buildOutputDir ?? '',
  };
}

/** The settings patch the edited fields stand for, or why some of them cannot be saved. */
export function patchOf(edits: Partial<SettingsFields>): { patch: SettingsPatch; errors: FieldErrors } {
  const patch: SettingsPatch = {};
  const errors: FieldErrors = {};
  if (edits.bibImage !== undefined) {
    const parsed = ImageRefSchema.safeParse(edits.bibImage.trim());
    if (parsed.success) patch.bibImage = parsed.data;
    else errors.bibImage = 'tools.settings.bibImageInvalid';
  }
  if (edits.thresholdGb !== undefined) {
    const bytes = Math.round(Number(edits.thresholdGb.trim().replace(',', '.')) * GB);
    if (edits.thresholdGb.trim() !== '' && Number.isSafeInteger(bytes) && bytes > 0)
      patch.largeDriveThresholdBytes = bytes;
    else errors.thresholdGb = 'tools.settings.thresholdInvalid';
  }
  if (edits.buildOutputDir !== undefined) {
    const folder = edits.buildOutputDir.trim();
    if (folder === '') patch.buildOutputDir = null;
    else if (folder.startsWith('/')) patch.buildOutputDir = folder;
    else errors.buildOutputDir = 'tools.settings.outputDirInvalid';
  }
  if (edits.showVirtualDrives !== undefined) patch.showVirtualDrives = edits.showVirtualDrives;
  if (edits.language !== undefined) patch.language = edits.language;
  if (edits.theme !== undefined) patch.theme = edits.theme;
  return { patch, errors };
}
