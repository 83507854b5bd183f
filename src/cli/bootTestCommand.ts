import { runBootTest } from '../core/bootTest/runBootTest';
import { BOOT_TEST_REFUSALS } from '../shared/bootTest';
import { en } from '../shared/i18n/catalogue';
import { CliExit, EXIT } from './jobOutcome';

export interface BootTestCommandOptions {
  timeout: string;
  json?: boolean;
  virtual?: boolean;
  ssh?: string;
  accel?: 'auto' | 'kvm' | 'tcg';
  screenshot?: string;
}

const words = en.bootTest;

/**
 * `bootstick boot-test <image>`: boots the image in QEMU and watches its console. Exit 0 booted,
 * 1 did not boot, 2 refused or misused (no QEMU, no firmware, KVM not permitted, a bad timeout),
 * the same convention as `flash`.
 */
export async function bootTestCommand(target: string, options: BootTestCommandOptions): Promise<number> {
  const timeoutSeconds = Number(options.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new CliExit(
      EXIT.refused,
      `--timeout must be a number of seconds above 0, not "${options.timeout}".`,
    );
  }
  if (options.ssh !== undefined) {
    throw new CliExit(EXIT.refused, 'SSH login (--ssh) is not available yet. Nothing was started.');
  }
  if (target.startsWith('/dev/')) {
    throw new CliExit(
      EXIT.refused,
      `Booting a drive (${target}) is not available yet: boot-test takes an image file. Nothing was started.`,
    );
  }
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once('SIGINT', cancel);
  process.once('SIGTERM', cancel);
  const result = await runBootTest({
    target,
    timeoutMs: timeoutSeconds * 1000,
    accelerator: options.accel ?? 'auto',
    signal: controller.signal,
    screenshotPath: options.screenshot,
    onConsole: options.json ? undefined : (text) => process.stderr.write(text),
  }).finally(() => {
    process.off('SIGINT', cancel);
    process.off('SIGTERM', cancel);
  });
  const message = words.outcome[result.outcome];
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ...result, message }, null, 2)}\n`);
  } else {
    const lines = [`\n${message}`];
    if (result.accelerator)
      lines.push(`Accelerator: ${words.accelerator[result.accelerator]} (${result.acceleratorReason})`);
    if (result.proof) lines.push(`Proof: ${result.proof}`);
    if (result.outcome !== 'booted' && result.lastConsoleLines.length > 0) {
      lines.push('Last console lines:', ...result.lastConsoleLines.slice(-10).map((line) => `  ${line}`));
    }
    if (result.detail && result.outcome !== 'booted') lines.push(`QEMU said: ${result.detail}`);
    lines.push(`Time: ${(result.elapsedMs / 1000).toFixed(1)} s`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (result.outcome === 'booted') return EXIT.ok;
  return BOOT_TEST_REFUSALS.includes(result.outcome) ? EXIT.refused : EXIT.failed;
}
