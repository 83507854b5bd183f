/** Escape sequences firmware and kernels paint the console with (CSI, OSC and single ESC forms). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the escapes being removed
const ESCAPES = /\u001b\[[0-9;=?]*[A-Za-z]|\u001b\][^\u0007]*\u0007|\u001b[()][A-Za-z0-9]|\u001b[=>]/g;

import type { BootStage } from '../../shared/bootTest';

export type ConsoleSign =
  | { kind: 'loginPrompt'; line: string }
  | { kind: 'installerStarted'; line: string }
  | { kind: 'installFinished'; line: string }
  | { kind: 'kernelPanic'; line: string }
  | { kind: 'noBootDevice'; line: string };

/** A login prompt as getty and friends print it: `<host> login: ` with no newline after it. */
const LOGIN_PROMPT = /(^|\s)login:\s*$/;
/**
 * Anaconda's own line once it runs: `anaconda 40.22.3 for Fedora Linux 40 started.`. The
 * "Starting installer, one moment..." it prints before is not taken: anaconda can still fail to
 * load after it.
 */
const ANACONDA_STARTED = /\banaconda \S+ for .+ started\./;
/** What bib's unattended kickstart writes to ttyS0 in `%post` (a line of its own, not a log quoting it). */
const INSTALL_FINISHED = /^\s*Install finished\b/;
const KERNEL_PANIC = /Kernel panic - not syncing/;
/**
 * What OVMF shows when no boot option worked: upstream's BdsDxe message, or (Debian's build) the
 * internal EFI shell it falls back to.
 */
const NO_BOOT_DEVICE = /No bootable option or device was found|UEFI Interactive Shell/;

/**
 * The longest console line kept: a guest may print without end and never a newline, and the
 * helper watching a drive's console must stay small. A prompt is judged by a line's end.
 */
const MAX_LINE_CHARS = 4096;

/**
 * Follows the serial console: keeps the last lines (escapes removed) and tells the first sign
 * that decides a boot test. A prompt is looked for in the unfinished last line too, because a
 * prompt waits for input on the same line.
 */
export class ConsoleWatch {
  private lines: string[] = [];
  private partial = '';
  /** Set once a sign decided the test: the kept tail then ends at the line that decided it. */
  private decided = false;
  /** The furthest stage a line proved, also one that does not decide (the installer, while an install runs). */
  private furthest: BootStage | undefined;

  /**
   * `goal` is what passes: a login prompt (an installed system), the installer starting (an ISO),
   * or "Install finished" (an unattended install; the installer starting is then only progress).
   */
  constructor(
    private readonly keep = 40,
    private readonly goal: BootStage = 'login',
  ) {}

  /** The furthest stage the console proved so far. */
  stage(): BootStage | undefined {
    return this.furthest;
  }

  feed(chunk: string): ConsoleSign | undefined {
    // What follows the deciding line (a panic's stack trace, QEMU going down) must not push that
    // line out of the tail the result shows.
    if (this.decided) return undefined;
    const text = (this.partial + chunk).replace(ESCAPES, '').replace(/\r/g, '');
    const parts = text.split('\n').map((line) => line.slice(-MAX_LINE_CHARS));
    this.partial = parts.pop() ?? '';
    let sign: ConsoleSign | undefined;
    for (const line of parts) {
      this.lines.push(line);
      sign = this.judge(line);
      if (sign) {
        this.partial = '';
        break;
      }
    }
    sign ??= this.judge(this.partial);
    if (this.lines.length > this.keep) this.lines.splice(0, this.lines.length - this.keep);
    if (sign) this.decided = true;
    return sign;
  }

  private judge(line: string): ConsoleSign | undefined {
    if (KERNEL_PANIC.test(line)) return { kind: 'kernelPanic', line: line.trim() };
    if (NO_BOOT_DEVICE.test(line)) return { kind: 'noBootDevice', line: line.trim() };
    if (this.goal === 'login') {
      if (!LOGIN_PROMPT.test(line)) return undefined;
      this.furthest = 'login';
      return { kind: 'loginPrompt', line: line.trim() };
    }
    if (ANACONDA_STARTED.test(line)) {
      this.furthest = 'installer';
      if (this.goal === 'installer') return { kind: 'installerStarted', line: line.trim() };
    }
    if (this.goal === 'installed' && INSTALL_FINISHED.test(line)) {
      this.furthest = 'installed';
      return { kind: 'installFinished', line: line.trim() };
    }
    return undefined;
  }

  lastLines(): string[] {
    const all = this.partial.trim() ? [...this.lines, this.partial] : [...this.lines];
    return all.filter((line) => line.trim() !== '').slice(-this.keep);
  }
}
