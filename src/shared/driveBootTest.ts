import { z } from 'zod';
import { ACCOUNT_NAME } from './blueprint/rules/accountName';
import {
  AcceleratorWishSchema,
  BootTestCpusSchema,
  BootTestMemoryMiBSchema,
  BootTestResultSchema,
} from './bootTest';
import { DriveIdentitySchema } from './flash';

// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it refuses
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;

/** The most checks one boot test runs: each is a login of its own, within the same time limit. */
export const MAX_GUEST_CHECKS = 16;

/** The user a boot test logs in as: a name osbuild accepts, so ssh cannot read it as an option. */
export const LoginUserSchema = z.string().regex(ACCOUNT_NAME, 'Not a user name a blueprint can have.');

/** One check is one line of plain text; the person names up to MAX_GUEST_CHECKS of them. */
// No control characters: a NUL cannot be handed to ssh at all (spawn throws), and a newline
// would make one check read as two in the output and the report.
export const GuestCheckLineSchema = z
  .string()
  .min(1)
  .max(4096)
  .regex(NO_CONTROL_CHARACTERS, 'A check is one line of plain text.');
export const GuestChecksSchema = z.array(GuestCheckLineSchema).max(MAX_GUEST_CHECKS).default([]);

/** The most a drive's guest may write into its overlay (on root's disk): a bootc first boot writes far less. */
export const MAX_OVERLAY_MIB = 4096;

/**
 * A boot test of a flashed drive, run by the helper. It names the drive and how long to wait,
 * nothing else: the helper picks QEMU, the firmware and every path itself, and never writes the
 * drive, whatever is asked.
 */
export const DriveBootTestRequestSchema = z
  .object({
    jobId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    drive: z.string().min(1).max(4096),
    /** Loop drives with a backing file, as for a flash (`--virtual`). */
    includeVirtual: z.boolean().default(false),
    /**
     * Absent: what the stick needs, which only root's helper can read (an unattended install ISO
     * gets an install's time, anything else a boot's).
     */
    timeoutSeconds: z.number().int().min(1).max(3600).optional(),
    accelerator: AcceleratorWishSchema.default('auto'),
    memoryMiB: BootTestMemoryMiBSchema.optional(),
    cpus: BootTestCpusSchema.optional(),
    /**
     * How much the guest may write into its throw-away overlay, which lives on root's disk: the
     * VM is stopped past it. A caller may lower it, never raise it past what root lends.
     */
    overlayLimitMiB: z.number().int().min(1).max(MAX_OVERLAY_MIB).default(MAX_OVERLAY_MIB),
    /** Take a picture of the screen at the end and return it (the caller saves it). */
    screenshot: z.boolean().default(false),
    /**
     * Log in over SSH as the blueprint's user once it booted. ssh runs with the caller's rights
     * (never root's for someone else), so the agent socket is reached only as they could.
     */
    login: z
      .object({
        user: LoginUserSchema,
        checks: GuestChecksSchema,
        agentSocket: z.string().regex(/^\//).regex(NO_CONTROL_CHARACTERS).max(4096),
      })
      .strict()
      .optional(),
  })
  .strict();
export type DriveBootTestRequest = z.infer<typeof DriveBootTestRequestSchema>;

/** The largest screendump the helper returns (a PPM of 1280×1024 is 3.75 MiB). */
export const MAX_SCREENSHOT_BYTES = 8 * 1024 * 1024;

export const DriveBootTestResultSchema = BootTestResultSchema.omit({ screenshotPath: true }).extend({
  drive: DriveIdentitySchema,
  /** How long the run waited at most: the one asked for, or the helper's default for the stick. */
  timeoutSeconds: z.number().int().min(1).max(3600),
  /** The block layer's read-only flag before the run, put back after it. */
  readOnlyBefore: z.boolean(),
  /** The flag the helper read back after setting it, before QEMU started: true, or no run. */
  readOnlyDuringRun: z.boolean(),
  /** The screendump (PPM) as base64, when asked for and QEMU gave one. */
  screenshotPpmBase64: z
    .string()
    .max(Math.ceil(MAX_SCREENSHOT_BYTES / 3) * 4)
    .optional(),
});
export type DriveBootTestResult = z.infer<typeof DriveBootTestResultSchema>;

/** A piece of a drive boot test's serial console, as the helper streams it. */
export const BootConsoleChunkSchema = z.object({
  jobId: z.string(),
  drive: z.string(),
  text: z.string().max(16384),
});
export type BootConsoleChunk = z.infer<typeof BootConsoleChunkSchema>;
