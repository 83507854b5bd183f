import { DEFAULT_BOOT_TEST_TIMEOUT_S } from '../../shared/bootTestJob';
import { type InstallerPlan, installerPlanOf } from './installerPlan';

/** Long enough for a bootc system to reach its login prompt, or an ISO its installer, under KVM. */
export const DEFAULT_BOOT_TIMEOUT_S = DEFAULT_BOOT_TEST_TIMEOUT_S;
/**
 * An unattended install copies the whole system onto the blank disk before "Install finished":
 * osbuild's own ISO install test allows 1800 s for it, so the boot test does too.
 */
export const DEFAULT_INSTALL_TIMEOUT_S = 1800;

/** How long a boot test waits when the person did not say: what its target will have to do. */
export function defaultTimeoutSeconds(plan: InstallerPlan): number {
  return plan.kind === 'installer' && plan.unattended ? DEFAULT_INSTALL_TIMEOUT_S : DEFAULT_BOOT_TIMEOUT_S;
}

/**
 * The default for an image file, read from the file itself (as the person). A file that cannot be
 * read gets the boot default: the boot test itself then says what is wrong with it.
 */
export async function defaultTimeoutForImage(path: string): Promise<number> {
  const plan = await installerPlanOf(path).catch(() => ({ kind: 'notIso' as const }));
  return defaultTimeoutSeconds(plan);
}
