import { cpus, totalmem } from 'node:os';
import type { BootTestHost } from '../../shared/bootTest';
import { chooseAccelerator } from './chooseAccelerator';
import { findQemu } from './findQemu';
import { FIRMWARE_DESCRIPTOR_DIRS, findUefiFirmware } from './uefiFirmware';

const MiB = 1024 * 1024;

/**
 * What this computer offers a boot test, as the person sees it: QEMU, UEFI firmware, whether
 * KVM works for them (a drive's test is decided again by root's helper), and how much memory and
 * how many CPUs there are to lend. Settings shows it so that nobody learns it from a failed run.
 */
export async function bootTestHost(searchPath?: string): Promise<BootTestHost> {
  const [qemu, firmware, accel] = await Promise.all([
    findQemu('x86_64', searchPath),
    findUefiFirmware('x86_64', FIRMWARE_DESCRIPTOR_DIRS),
    chooseAccelerator('auto'),
  ]);
  return {
    qemu: qemu ?? null,
    firmware: firmware?.code ?? null,
    accelerator: accel.ok ? accel.accelerator : 'tcg',
    acceleratorReason: accel.reason,
    memoryMiB: Math.floor(totalmem() / MiB),
    cpus: cpus().length,
  };
}
