import { BOOT_TEST_CPUS, BOOT_TEST_MEMORY_MIB } from './bootTest';

/**
 * What a computer keeps for itself when it lends memory to a boot test's VM: a quarter of it, at
 * most 1 GiB. Lent all of it, the desktop and the app itself would be pushed into swap or killed.
 */
export function memoryKeptMiB(hostMiB: number): number {
  return Math.min(1024, Math.floor(hostMiB / 4));
}

/**
 * The most memory (MiB) and CPUs a boot test's VM may have on a computer with these. A figure the
 * computer did not report (0: some containers) limits nothing beyond the VM's own maximum.
 */
export function vmSizeLimits(host: { memoryMiB: number; cpus: number }): { memoryMiB: number; cpus: number } {
  return {
    memoryMiB:
      host.memoryMiB > 0
        ? Math.min(BOOT_TEST_MEMORY_MIB.max, host.memoryMiB - memoryKeptMiB(host.memoryMiB))
        : BOOT_TEST_MEMORY_MIB.max,
    cpus: host.cpus > 0 ? Math.min(BOOT_TEST_CPUS.max, host.cpus) : BOOT_TEST_CPUS.max,
  };
}

/**
 * What a VM is lent of what was asked: no more than the computer can lend now. A setting saved
 * on a bigger computer, or the default on a small one, must not take the memory it runs on.
 */
export function lentVmSize(
  asked: { memoryMiB: number; cpus: number },
  host: { memoryMiB: number; cpus: number },
): { memoryMiB: number; cpus: number } {
  const most = vmSizeLimits(host);
  return { memoryMiB: Math.min(asked.memoryMiB, most.memoryMiB), cpus: Math.min(asked.cpus, most.cpus) };
}
