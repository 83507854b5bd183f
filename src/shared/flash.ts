import { z } from 'zod';
import { BootTestSummarySchema } from './bootTest';
import { ReasonSchema } from './drives/driveView';

/** Stable codes for everything that can go wrong with one drive in a flash or verify job. */
export const FlashErrorCodeSchema = z.enum([
  'driveUnplugged',
  'ioError',
  'driveBusy',
  'verifyMismatch',
  'imageCorrupt',
  'imageUnreadable',
  'notADiskImage',
  'imageTooLarge',
  'permissionDenied',
  'cancelled',
  'driveChanged',
  'imageChanged',
  /** Something of the drive's past (a filesystem, RAID or partition signature) could not be wiped. */
  'staleData',
  'internal',
]);
export type FlashErrorCode = z.infer<typeof FlashErrorCodeSchema>;

/** Why the helper refused a target before touching it. */
export const RefusalCodeSchema = z.enum([
  'notABlockDevice',
  'notAWholeDisk',
  'notEnumerated',
  'unsafeDrive',
  /** A loop device whose backing file the person could not open themselves. */
  'backingFileDenied',
  'duplicateTarget',
  /** A boot test's drive is mounted, or held open exclusively by another program (a flash, a boot test). */
  'driveInUse',
  /** The drive's /dev node is not (or no longer) the device that was checked. */
  'driveChanged',
  'imageUnreadable',
  'imageCorrupt',
  'notADiskImage',
]);
export type RefusalCode = z.infer<typeof RefusalCodeSchema>;

export const DriveErrorSchema = z.object({
  code: FlashErrorCodeSchema,
  message: z.string(),
  /** For verifyMismatch: the first byte offset where drive and image differ. */
  offset: z.number().int().nonnegative().optional(),
  /**
   * The system's or a library's own words behind the error (an errno, the decompressor's
   * complaint): evidence shown as is in every language, while the code gives the translated text.
   */
  detail: z.string().optional(),
});
export type DriveError = z.infer<typeof DriveErrorSchema>;

export const FlashPhaseSchema = z.enum(['preparing', 'writing', 'verifying', 'done', 'failed', 'cancelled']);
export type FlashPhase = z.infer<typeof FlashPhaseSchema>;

export const DriveProgressSchema = z.object({
  jobId: z.string(),
  drive: z.string(),
  phase: FlashPhaseSchema,
  /** Bytes done in this phase, and the phase's total. */
  bytes: z.number().nonnegative(),
  total: z.number().nonnegative(),
  /** Bytes per second over the last seconds; null until known. */
  speed: z.number().nonnegative().nullable(),
  /** Seconds left in this phase; null until known. */
  eta: z.number().nonnegative().nullable(),
});
export type DriveProgress = z.infer<typeof DriveProgressSchema>;

export const FlashOptionsSchema = z
  .object({
    /** Read every drive back and compare (on by default). */
    verify: z.boolean().default(true),
    /** Write every byte, holes included, instead of only a sparse image's data extents. */
    full: z.boolean().default(false),
    /** Allow loop devices with a backing file as targets. */
    includeVirtual: z.boolean().default(false),
    /** Power the drive off (udisksctl) after it verified. */
    eject: z.boolean().default(false),
  })
  .strict();
export type FlashOptions = z.infer<typeof FlashOptionsSchema>;

export const FlashRequestSchema = z
  .object({
    jobId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    image: z.string().min(1),
    drives: z.array(z.string().min(1)).min(1).max(64),
    options: FlashOptionsSchema,
  })
  .strict();
export type FlashRequest = z.infer<typeof FlashRequestSchema>;

export const VerifyRequestSchema = z
  .object({
    jobId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    image: z.string().min(1),
    drive: z.string().min(1),
    includeVirtual: z.boolean().default(false),
  })
  .strict();
export type VerifyRequest = z.infer<typeof VerifyRequestSchema>;

/** What the audit report needs to know about a drive, captured before writing. */
export const DriveIdentitySchema = z.object({
  path: z.string(),
  model: z.string(),
  serial: z.string().nullable(),
  size: z.number().nullable(),
  bus: z.string(),
});
export type DriveIdentity = z.infer<typeof DriveIdentitySchema>;

/**
 * How a drive was written, said as it is: `everyByte` (the whole image, byte for byte),
 * `holesZeroed` (a sparse image's data extents, and its holes zeroed by the drive itself: byte
 * for byte the image over its length), `staleSignaturesWiped` (the data extents; the holes keep
 * what the drive held, except every signature the image lacks, which was wiped). Past the
 * image's end nothing the image lacks is left in any mode.
 */
export const WriteModeSchema = z.enum(['everyByte', 'holesZeroed', 'staleSignaturesWiped']);
export type WriteMode = z.infer<typeof WriteModeSchema>;

export const DriveOutcomeSchema = z.object({
  drive: DriveIdentitySchema,
  status: z.enum(['verified', 'written', 'matched', 'failed', 'cancelled']),
  startedAt: z.string(),
  endedAt: z.string(),
  bytesWritten: z.number().nonnegative(),
  verified: z.boolean().nullable(),
  error: DriveErrorSchema.nullable(),
  /** null for verify only, and for a drive that failed before it was written. */
  writeMode: WriteModeSchema.nullable().default(null),
  /** The types of the signatures of the drive's past that were wiped (iso9660, linux_raid_member…). */
  wipedSignatures: z.array(z.string()).default([]),
  /** The latest boot test of this drive after the job (recorded later, by recordDriveBootTest). */
  bootTest: BootTestSummarySchema.optional(),
});
export type DriveOutcome = z.infer<typeof DriveOutcomeSchema>;

export const ImageSummarySchema = z.object({
  path: z.string(),
  /** Bytes of the (decompressed) image, i.e. what lands on the drive. */
  size: z.number().nonnegative(),
  /**
   * SHA-256 of the whole image once decompressed, holes read as zeros: what `sha256sum` prints
   * for the (decompressed) file, however little of it a sparse flash wrote. (Reports made before
   * 2026-11-26 hashed a sparse image's data extents only.) null when it is not known for sure:
   * the image could not be read to its end (damaged), or the file changed during the job.
   */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  /** Number of data extents written; null when every byte was written. */
  extentCount: z.number().int().nonnegative().nullable(),
  compression: z.enum(['none', 'xz', 'gzip', 'bzip2', 'zip']),
  /** Bytes actually written per drive: the data extents of a sparse image, else its size. */
  mappedSize: z.number().nonnegative(),
});
export type ImageSummary = z.infer<typeof ImageSummarySchema>;

export const JobResultSchema = z.object({
  jobId: z.string(),
  kind: z.enum(['flash', 'verify']),
  image: ImageSummarySchema,
  drives: z.array(DriveOutcomeSchema),
});
export type JobResult = z.infer<typeof JobResultSchema>;

export const RefusalSchema = z.object({
  code: RefusalCodeSchema,
  drive: z.string().nullable(),
  message: z.string(),
  /** For unsafeDrive: the safety reasons, so each language can say them in its own words. */
  reasons: z.array(ReasonSchema).optional(),
  /** For image refusals: the system's or decompressor's own words. */
  detail: z.string().optional(),
});
export type Refusal = z.infer<typeof RefusalSchema>;
