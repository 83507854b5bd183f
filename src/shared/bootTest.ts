import { z } from 'zod';

/**
 * What a boot test found. `booted` says how it was proven; every other outcome is a reason it
 * did not boot (or was not started), with the console's last lines to show why.
 */
export const BootTestOutcomeSchema = z.enum([
  'booted',
  'noQemu',
  'noFirmware',
  'kvmNotPermitted',
  'noBootDevice',
  'kernelPanic',
  'timedOut',
  'cancelled',
  'qemuFailed',
  /** It booted, but the blueprint's user could not log in over SSH with the person's keys. */
  'loginFailed',
  /** It booted and the user logged in, but a check the person named did not pass. */
  'checkFailed',
  /** The guest wrote more into its throw-away overlay than this computer lends it: stopped. */
  'overlayFull',
]);
export type BootTestOutcome = z.infer<typeof BootTestOutcomeSchema>;

/** Outcomes that mean the test could not even start: the CLI exits 2 for them, as flash does for a refusal. */
export const BOOT_TEST_REFUSALS: readonly BootTestOutcome[] = ['noQemu', 'noFirmware', 'kvmNotPermitted'];

export const AcceleratorSchema = z.enum(['kvm', 'tcg']);
export type Accelerator = z.infer<typeof AcceleratorSchema>;

/** One command run on the booted guest as the blueprint's user; it passes on exit status 0. */
export const GuestCheckSchema = z.object({
  command: z.string(),
  exitCode: z.number().int().nullable(),
  passed: z.boolean(),
  /** Its output (stdout and stderr), the last 16 KiB. */
  output: z.string(),
});
export type GuestCheck = z.infer<typeof GuestCheckSchema>;

/** The SSH login as the blueprint's user: the server's banner, `bootc status`, then the named checks. */
export const GuestLoginSchema = z.object({
  user: z.string(),
  /** The banner the guest's SSH server answered with; absent when none answered in time. */
  banner: z.string().optional(),
  loggedIn: z.boolean(),
  /** `bootc status` as the user saw it: the proof that the blueprint's system is what booted. */
  bootcStatus: GuestCheckSchema.optional(),
  checks: z.array(GuestCheckSchema),
  /** Why the login failed, in ssh's own words. */
  error: z.string().optional(),
});
export type GuestLogin = z.infer<typeof GuestLoginSchema>;

export const BootTestResultSchema = z.object({
  outcome: BootTestOutcomeSchema,
  /** How "booted" was proven: the console line that showed a login prompt. */
  proof: z.string().optional(),
  accelerator: AcceleratorSchema.optional(),
  /** Why this accelerator (e.g. "/dev/kvm cannot be opened: …, emulating (slower)"). */
  acceleratorReason: z.string().optional(),
  /** Milliseconds from starting QEMU to the outcome. */
  elapsedMs: z.number().nonnegative(),
  /** The last console lines (ANSI escapes removed). */
  lastConsoleLines: z.array(z.string()),
  /** A PPM screendump of the VM's screen at the end, where QEMU could give one. */
  screenshotPath: z.string().optional(),
  /** QEMU's own words, when it failed to start or ended early. */
  detail: z.string().optional(),
  /** The SSH login and checks, when they were asked for. */
  login: GuestLoginSchema.optional(),
});
export type BootTestResult = z.infer<typeof BootTestResultSchema>;

/**
 * What an audit report keeps of a drive's boot test: whether it booted, how that was proven, how
 * long it took and with what accelerator, and the console's last lines when it did not boot.
 */
export const BootTestSummarySchema = z.object({
  outcome: BootTestOutcomeSchema,
  proof: z.string().optional(),
  accelerator: AcceleratorSchema.optional(),
  elapsedMs: z.number().nonnegative(),
  /** When the test ended (ISO 8601). */
  at: z.string(),
  lastConsoleLines: z.array(z.string()).max(20).default([]),
  /**
   * The SSH login, when one was asked for: who, whether they got in, and each command run
   * (`bootc status` first) with its verdict; outputs stay with the run, not in the report.
   */
  login: z
    .object({
      user: z.string(),
      loggedIn: z.boolean(),
      checks: z.array(
        z.object({ command: z.string(), passed: z.boolean(), exitCode: z.number().int().nullable() }),
      ),
    })
    .optional(),
});
export type BootTestSummary = z.infer<typeof BootTestSummarySchema>;
