/**
 * What a boot test found. `booted` says how it was proven; every other outcome is a reason it
 * did not boot (or was not started), with the console's last lines to show why.
 */
export type BootTestOutcome =
  | 'booted'
  | 'noQemu'
  | 'noFirmware'
  | 'kvmNotPermitted'
  | 'noBootDevice'
  | 'kernelPanic'
  | 'timedOut'
  | 'cancelled'
  | 'qemuFailed';

/** Outcomes that mean the test could not even start: the CLI exits 2 for them, as flash does for a refusal. */
export const BOOT_TEST_REFUSALS: readonly BootTestOutcome[] = ['noQemu', 'noFirmware', 'kvmNotPermitted'];

export type Accelerator = 'kvm' | 'tcg';

export interface BootTestResult {
  outcome: BootTestOutcome;
  /** How "booted" was proven: the console line that showed a login prompt. */
  proof?: string;
  accelerator?: Accelerator;
  /** Why this accelerator (e.g. "/dev/kvm cannot be opened: …, emulating (slower)"). */
  acceleratorReason?: string;
  /** Milliseconds from starting QEMU to the outcome. */
  elapsedMs: number;
  /** The last console lines (ANSI escapes removed). */
  lastConsoleLines: string[];
  /** A PPM screendump of the VM's screen at the end, where QEMU could give one. */
  screenshotPath?: string;
  /** QEMU's own words, when it failed to start or ended early. */
  detail?: string;
}
