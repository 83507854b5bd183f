import { z } from 'zod';
import {
  AcceleratorWishSchema,
  BOOT_TEST_CPUS,
  BOOT_TEST_MEMORY_MIB,
  BootTestCpusSchema,
  BootTestMemoryMiBSchema,
} from './bootTest';
import { ImageRefSchema } from './diskImages/bibRun';

export const LanguageSchema = z.enum(['en', 'ko']);
export type Language = z.infer<typeof LanguageSchema>;

/** 'system' follows the desktop's light/dark preference as it changes. */
export const ThemeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof ThemeSchema>;

/**
 * Drives above this size get an "unusually large" warning. 300 GB sits just above the largest
 * common USB stick (a "256 GB" stick reports up to ~256.1e9 bytes) and below the smallest common
 * external SSD/HDD (480–500 GB), which is far more likely to hold someone's backups. Etcher's
 * 128 GB would flag every 256 GB stick, and people learn to click warnings away.
 */
export const DEFAULT_LARGE_DRIVE_THRESHOLD_BYTES = 300e9;

/** bib's published image. Two code bases answer to this name (see bib-data/contract.md §0). */
export const DEFAULT_BIB_IMAGE = 'quay.io/centos-bootc/bootc-image-builder:latest';

export const SettingsSchema = z.object({
  /** Lists loop devices that have a backing file (marked virtual): for tests and advanced use. */
  showVirtualDrives: z.boolean(),
  largeDriveThresholdBytes: z.number().int().positive(),
  language: LanguageSchema,
  theme: ThemeSchema,
  /** The bootc-image-builder image to run; pinned by digest once pulled (bibImageDigest). */
  bibImage: ImageRefSchema,
  /** The digest bibImage resolved to when it was first used: builds run exactly this image. */
  bibImageDigest: z.string().nullable(),
  /** Where builds are written, one new folder per build; null = ~/Bootstick/builds. */
  buildOutputDir: z.string().startsWith('/').nullable(),
  /** Boot tests: KVM when /dev/kvm works (auto), or always emulate (tcg), or insist on KVM. */
  bootTestAccelerator: AcceleratorWishSchema,
  /** Memory and CPUs lent to a boot test's VM. */
  bootTestMemoryMiB: BootTestMemoryMiBSchema,
  bootTestCpus: BootTestCpusSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  showVirtualDrives: false,
  largeDriveThresholdBytes: DEFAULT_LARGE_DRIVE_THRESHOLD_BYTES,
  language: 'en',
  theme: 'system',
  bibImage: DEFAULT_BIB_IMAGE,
  bibImageDigest: null,
  buildOutputDir: null,
  bootTestAccelerator: 'auto',
  bootTestMemoryMiB: BOOT_TEST_MEMORY_MIB.default,
  bootTestCpus: BOOT_TEST_CPUS.default,
};
