import { z } from 'zod';
import { AcceleratorSchema, BootTestResultSchema } from './bootTest';
import { GuestChecksSchema, LoginUserSchema, MAX_SCREENSHOT_BYTES } from './driveBootTest';

/** What the app boot-tests: a flashed drive (through the helper) or an image file (as the person). */
export const BootTestTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('drive'), drive: z.string().min(1).max(4096) }).strict(),
  z.object({ kind: z.literal('image'), path: z.string().startsWith('/').max(4096) }).strict(),
]);
export type BootTestTarget = z.infer<typeof BootTestTargetSchema>;

/**
 * Log in over SSH as this user once it booted, and run these checks. No agent socket: main uses
 * its own SSH_AUTH_SOCK, so the renderer cannot point ssh at anyone else's agent.
 */
export const BootTestLoginInputSchema = z
  .object({ user: LoginUserSchema, checks: GuestChecksSchema })
  .strict();
export type BootTestLoginInput = z.infer<typeof BootTestLoginInputSchema>;

export const StartBootTestInputSchema = z
  .object({
    target: BootTestTargetSchema,
    timeoutSeconds: z.number().int().min(1).max(3600).optional(),
    login: BootTestLoginInputSchema.optional(),
  })
  .strict();
export type StartBootTestInput = z.infer<typeof StartBootTestInputSchema>;

/** How long a boot test waits for a login prompt unless the caller says otherwise. */
export const DEFAULT_BOOT_TEST_TIMEOUT_S = 300;

/**
 * A boot test's one step of progress: QEMU is being started, and with which accelerator (null
 * when the helper decides it as root, which main cannot know beforehand).
 */
export const BootTestProgressSchema = z.object({
  target: BootTestTargetSchema,
  accelerator: AcceleratorSchema.nullable(),
});
export type BootTestProgress = z.infer<typeof BootTestProgressSchema>;

/** What a boot test found, as the renderer shows it: the picture comes along as PPM bytes. */
export const BootTestEndSchema = BootTestResultSchema.omit({ screenshotPath: true }).extend({
  screenshotPpmBase64: z
    .string()
    .max(Math.ceil(MAX_SCREENSHOT_BYTES / 3) * 4)
    .optional(),
  /** A drive's audit report the result was recorded in; null: no report vouches for the drive. */
  auditReportId: z.string().nullable().optional(),
});
export type BootTestEnd = z.infer<typeof BootTestEndSchema>;
