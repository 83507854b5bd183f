import { BOOT_TEST_REFUSALS, type BootTestResult } from './bootTest';

export type BootTestMessageKey =
  | `outcome.${BootTestResult['outcome']}`
  | 'installer.booted'
  | 'installer.installed'
  | 'installer.timedOut'
  | 'installer.timedOutInstall';

/**
 * Which words (under `bootTest.`) tell a boot test's outcome. An installer ISO passes on its
 * installer or its install's end, not on a login prompt, so "booted" and "timed out" say so for it;
 * every other outcome reads the same for any target. A report's summary keeps only the stage, which
 * is enough for a pass.
 */
export function bootTestMessageKey(
  result: Pick<BootTestResult, 'outcome' | 'installer' | 'stage'>,
): BootTestMessageKey {
  const unattended = result.installer?.unattended ?? result.stage === 'installed';
  const installer =
    result.installer !== undefined || result.stage === 'installer' || result.stage === 'installed';
  if (installer && result.outcome === 'booted')
    return unattended ? 'installer.installed' : 'installer.booted';
  if (result.installer && result.outcome === 'timedOut') {
    return unattended ? 'installer.timedOutInstall' : 'installer.timedOut';
  }
  return `outcome.${result.outcome}`;
}

/**
 * Whether a result's detail is QEMU's own stderr (shown as "QEMU said: …") rather than
 * Bootstick's words: a refusal, or an ISO that could not be read, never reached QEMU.
 */
export function detailIsQemus(outcome: BootTestResult['outcome']): boolean {
  return outcome !== 'unreadableIso' && !BOOT_TEST_REFUSALS.includes(outcome);
}
