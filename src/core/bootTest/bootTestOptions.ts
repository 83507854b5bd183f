import type { AcceleratorWish } from './chooseAccelerator';
import type { LoginRequest } from './loginAndCheck';

/** What a boot test is asked: its target and how to run it (runBootTest). */
export interface BootTestOptions {
  /** An image file, opened by QEMU with snapshot=on and never written; with `driveFd`, only a name. */
  target: string;
  /**
   * A block device already opened read-only by the caller (the helper, which checked it): QEMU
   * gets this descriptor and nothing else of the drive, no path it could reopen for writing.
   */
  driveFd?: number;
  timeoutMs: number;
  accelerator?: AcceleratorWish;
  memoryMiB?: number;
  cpus?: number;
  signal?: AbortSignal;
  /** Every piece of the serial console as it arrives. */
  onConsole?: (text: string) => void;
  /**
   * Where this run's own folder (firmware variables, QMP socket, overlay, an install's blank disk)
   * is made: largeTempDir() unless the caller keeps a private one it also cleans after a crash.
   */
  workParent?: string;
  /**
   * Stop the VM once the guest has written this much into its throw-away overlay (it lives on
   * this computer's disk). None when absent: an image file's test runs as the person.
   */
  overlayLimitBytes?: number;
  /** Log in over SSH as the blueprint's user once it booted, and run `bootc status` and these checks. */
  login?: LoginRequest;
  /** Where the screendump goes (a .ppm); none when absent. */
  screenshotPath?: string;
  searchPath?: string;
  firmwareDirs?: readonly string[];
  /**
   * Have QEMU become this unprivileged user once it has opened everything, before the guest runs
   * (the helper, which starts it as root): a guest that breaks out into QEMU is then nobody. A
   * QEMU that cannot switch users is not run.
   */
  switchUser?: string;
  /** Called with QEMU's command once it is known (for logs and the benchmark). */
  onCommand?: (qemu: string, args: string[]) => void;
}
