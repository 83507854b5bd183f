import { DEFAULT_BOOT_TEST_TIMEOUT_S } from '../../shared/bootTestJob';
import { bootArchitecture, type EfiArchitecture } from './efiArchitecture';
import { type InstallerPlan, installerPlanOf } from './installerPlan';
import { readTarget } from './readTarget';

/** Long enough for a bootc system to reach its login prompt, or an ISO its installer, under KVM. */
export const DEFAULT_BOOT_TIMEOUT_S = DEFAULT_BOOT_TEST_TIMEOUT_S;
/**
 * An unattended install copies the whole system onto the blank disk before "Install finished":
 * osbuild's own ISO install test allows 1800 s for it, so the boot test does too.
 */
export const DEFAULT_INSTALL_TIMEOUT_S = 1800;
/**
 * An arm64 image is always emulated on this computer (KVM runs only its own architecture), and
 * emulating another instruction set is several times slower again: it gets three times as long,
 * up to the hour a boot test may take at most.
 */
const FOREIGN_FACTOR = 3;
const MOST_S = 3600;

/** How long a boot test waits when the person did not say: what its target will have to do. */
export function defaultTimeoutSeconds(plan: InstallerPlan, architecture: EfiArchitecture = 'x86_64'): number {
  const native =
    plan.kind === 'installer' && plan.unattended ? DEFAULT_INSTALL_TIMEOUT_S : DEFAULT_BOOT_TIMEOUT_S;
  return architecture === 'aarch64' ? Math.min(MOST_S, native * FOREIGN_FACTOR) : native;
}

/**
 * The default for a target, read from the target itself: an image file as the person, or a drive
 * through the descriptor root's helper pinned. A target that cannot be read gets the boot
 * default: the boot test itself then says what is wrong with it.
 */
export async function defaultTimeoutOf(target: string, driveFd?: number): Promise<number> {
  const [plan, architecture] = await Promise.all([
    installerPlanOf(target, driveFd).catch(() => ({ kind: 'notIso' as const })),
    readTarget(target, driveFd, bootArchitecture).catch(() => 'x86_64' as const),
  ]);
  return defaultTimeoutSeconds(plan, architecture);
}
