import { open } from 'node:fs/promises';
import type { Accelerator } from '../../shared/bootTest';

export type AcceleratorWish = 'auto' | Accelerator;

export type AcceleratorChoice =
  | { ok: true; accelerator: Accelerator; reason: string }
  | { ok: false; reason: string };

/**
 * KVM when /dev/kvm opens for reading and writing (what QEMU needs), else emulation. Asked for
 * KVM outright, a /dev/kvm that does not open is a refusal rather than a silent slow run.
 */
export async function chooseAccelerator(
  wish: AcceleratorWish,
  kvmDevice = '/dev/kvm',
): Promise<AcceleratorChoice> {
  if (wish === 'tcg') return { ok: true, accelerator: 'tcg', reason: 'emulation (TCG) was asked for' };
  const opened = await open(kvmDevice, 'r+').then(
    async (handle) => {
      await handle.close();
      return undefined;
    },
    (error: NodeJS.ErrnoException) => `${kvmDevice} cannot be opened (${error.code ?? error.message})`,
  );
  if (opened === undefined) return { ok: true, accelerator: 'kvm', reason: `${kvmDevice} opens` };
  if (wish === 'kvm') return { ok: false, reason: opened };
  return { ok: true, accelerator: 'tcg', reason: `${opened}: emulating (TCG), which is slower` };
}
