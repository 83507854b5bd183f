import { cpus, totalmem } from 'node:os';
import type { BootTestHost } from '../../shared/bootTest';
import { chooseAccelerator } from './chooseAccelerator';
import { findQemu } from './findQemu';
import { FIRMWARE_DESCRIPTOR_DIRS, findUefiFirmware } from './uefiFirmware';

const MiB = 1024 * 1024;

/**
 * What this computer offers a boot test, as the person sees it: QEMU, UEFI firmware (for x86-64,
 * and for arm64 images, which always boot emulated), whether
 * KVM works for them (a drive's test is decided again by root's helper), and how much memory and
 * how many CPUs there are to lend. Settings shows it so that nobody learns it from a failed run.
 */
export async function bootTestHost(searchPath?: string): Promise<BootTestHost> {
  const [qemu, firmware, qemuArm64, firmwareArm64, accel] = await Promise.all([
    findQemu('x86_64', searchPath),
    findUefiFirmware('x86_64', FIRMWARE_DESCRIPTOR_DIRS),
    findQemu('aarch64', searchPath),
    findUefiFirmware('aarch64', FIRMWARE_DESCRIPTOR_DIRS),
    chooseAccelerator('auto'),
  ]);
  return {
    qemu: qemu ?? null,
    firmware: firmware?.code ?? null,
    arm64: { qemu: qemuArm64 ?? null, firmware: firmwareArm64?.code ?? null },
    accelerator: accel.ok ? accel.accelerator : 'tcg',
    acceleratorReason: accel.reason,
    memoryMiB: Math.floor(totalmem() / MiB),
    cpus: cpus().length,
  };
}
