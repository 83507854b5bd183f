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
  /** The target carries an ISO 9660 mark but its volume cannot be read (truncated or damaged). */
  'unreadableIso',
  /**
   * The image boots only on arm64 (its ESP names BOOTAA64.EFI alone) and KVM was asked for, which
   * runs only this computer's own architecture: nothing was started. (Before arm64 images booted
   * emulated, every arm64-only image was refused with it.)
   */
  'otherArchitecture',
  /** The image boots only on arm64 and there is no qemu-system-aarch64 on the path: nothing was started. */
  'noQemuArm64',
  /** The image boots only on arm64 and no descriptor names arm64 UEFI firmware for virt: nothing was started. */
  'noFirmwareArm64',
  /** A qcow2 image file that names another file (a backing or external data file): nothing was started. */
  'otherFilesNamed',
  /** An unattended install ISO, with too little free room for its blank install disk: nothing was started. */
  'noRoomToInstall',
]);
export type BootTestOutcome = z.infer<typeof BootTestOutcomeSchema>;

/** Outcomes that mean the test could not even start: the CLI exits 2 for them, as flash does for a refusal. */
export const BOOT_TEST_REFUSALS: readonly BootTestOutcome[] = [
  'noQemu',
  'noFirmware',
  'kvmNotPermitted',
  'otherArchitecture',
  'noQemuArm64',
  'noFirmwareArm64',
  'otherFilesNamed',
  'noRoomToInstall',
];

/**
 * What a boot test's VM is lent. A bootc system needs about 2 GiB to boot comfortably (bib's own
 * README runs its images with 4 GiB); 16 GiB and 8 CPUs are the most one test may take, whoever asks.
 */
export const BOOT_TEST_MEMORY_MIB = { min: 256, max: 16384, default: 2048 } as const;
export const BOOT_TEST_CPUS = { min: 1, max: 8, default: 2 } as const;
export const BootTestMemoryMiBSchema = z
  .number()
  .int()
  .min(BOOT_TEST_MEMORY_MIB.min)
  .max(BOOT_TEST_MEMORY_MIB.max);
export const BootTestCpusSchema = z.number().int().min(BOOT_TEST_CPUS.min).max(BOOT_TEST_CPUS.max);

export const AcceleratorWishSchema = z.enum(['auto', 'kvm', 'tcg']);

export const AcceleratorSchema = z.enum(['kvm', 'tcg']);
export type Accelerator = z.infer<typeof AcceleratorSchema>;

/** The machine a test booted the image as (its EFI partition's loaders decide): x86-64 or arm64. */
export const GuestArchitectureSchema = z.enum(['x86_64', 'aarch64']);
export type GuestArchitecture = z.infer<typeof GuestArchitectureSchema>;

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

/**
 * How far the system got, as its console proved: a login prompt (an installed system), the
 * installer (an ISO's anaconda started) or, for an unattended install, "Install finished".
 */
export const BootStageSchema = z.enum(['login', 'installer', 'installed']);
export type BootStage = z.infer<typeof BootStageSchema>;

/** The target was an installer ISO: what its root said about the install. */
export const InstallerInfoSchema = z.object({
  /** A kickstart at the ISO's root writes "Install finished": only that line passes, onto a blank throw-away disk. */
  unattended: z.boolean(),
  /** The kickstart that decided it, as a path on the ISO (`/osbuild.ks`); absent when there is none. */
  kickstart: z.string().optional(),
});
export type InstallerInfo = z.infer<typeof InstallerInfoSchema>;

export const BootTestResultSchema = z.object({
  outcome: BootTestOutcomeSchema,
  /** How "booted" was proven: the console line that showed a login prompt, the installer or its end. */
  proof: z.string().optional(),
  /** The furthest stage the console proved (also when it then timed out); absent when none. */
  stage: BootStageSchema.optional(),
  /** Present when the target was an installer ISO (a file, or a stick holding one). */
  installer: InstallerInfoSchema.optional(),
  accelerator: AcceleratorSchema.optional(),
  /** The machine it was booted as, and the QEMU that ran it; absent when nothing was started. */
  architecture: GuestArchitectureSchema.optional(),
  qemu: z.string().optional(),
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
  stage: BootStageSchema.optional(),
  accelerator: AcceleratorSchema.optional(),
  /** The machine the stick was booted as (absent in reports from before arm64 sticks booted: x86-64). */
  architecture: GuestArchitectureSchema.optional(),
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

/** What this computer offers a boot test (Settings shows it before anyone runs one). */
export const BootTestHostSchema = z.object({
  /** The QEMU a boot test of an image file would run; null: none installed. */
  qemu: z.string().nullable(),
  /** The UEFI firmware's code file found through QEMU's descriptors; null: none. */
  firmware: z.string().nullable(),
  /**
   * What an arm64-only image would boot with (always emulated): qemu-system-aarch64 and the arm64
   * UEFI firmware found through the descriptors; null where either is missing.
   */
  arm64: z.object({ qemu: z.string().nullable(), firmware: z.string().nullable() }),
  /** What "auto" picks for the person: KVM when /dev/kvm opens for them. */
  accelerator: AcceleratorSchema,
  acceleratorReason: z.string(),
  memoryMiB: z.number().int().nonnegative(),
  cpus: z.number().int().nonnegative(),
});
export type BootTestHost = z.infer<typeof BootTestHostSchema>;
