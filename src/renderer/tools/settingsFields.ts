import { BOOT_TEST_CPUS, BOOT_TEST_MEMORY_MIB } from '../../shared/bootTest';
import { vmSizeLimits } from '../../shared/bootTestVmSize';
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
  bootTestAccelerator: Settings['bootTestAccelerator'];
  bootTestMemoryMiB: string;
  bootTestCpus: string;
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
    bootTestAccelerator: settings.bootTestAccelerator,
    bootTestMemoryMiB: String(settings.bootTestMemoryMiB),
    bootTestCpus: String(settings.bootTestCpus),
  };
}

/** What this computer has to lend a VM; unknown (null) until main has said. */
export interface HostLimits {
  memoryMiB: number;
  cpus: number;
}

/** A whole number typed in a field (digits only: "2 048" or "2e3" is not what anyone means). */
function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : null;
}

/** The settings patch the edited fields stand for, or why some of them cannot be saved. */
export function patchOf(
  edits: Partial<SettingsFields>,
  host: HostLimits | null = null,
): { patch: SettingsPatch; errors: FieldErrors } {
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
  if (edits.bootTestMemoryMiB !== undefined) {
    const mib = wholeNumber(edits.bootTestMemoryMiB);
    const most = host ? vmSizeLimits(host).memoryMiB : BOOT_TEST_MEMORY_MIB.max;
    if (mib !== null && mib >= BOOT_TEST_MEMORY_MIB.min && mib <= most) patch.bootTestMemoryMiB = mib;
    else errors.bootTestMemoryMiB = 'tools.settings.bootTestMemoryInvalid';
  }
  if (edits.bootTestCpus !== undefined) {
    const count = wholeNumber(edits.bootTestCpus);
    const most = host ? vmSizeLimits(host).cpus : BOOT_TEST_CPUS.max;
    if (count !== null && count >= BOOT_TEST_CPUS.min && count <= most) patch.bootTestCpus = count;
    else errors.bootTestCpus = 'tools.settings.bootTestCpusInvalid';
  }
  if (edits.bootTestAccelerator !== undefined) patch.bootTestAccelerator = edits.bootTestAccelerator;
  if (edits.showVirtualDrives !== undefined) patch.showVirtualDrives = edits.showVirtualDrives;
  if (edits.language !== undefined) patch.language = edits.language;
  if (edits.theme !== undefined) patch.theme = edits.theme;
  return { patch, errors };
}
