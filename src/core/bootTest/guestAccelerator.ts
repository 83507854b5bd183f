import { type AcceleratorChoice, type AcceleratorWish, chooseAccelerator } from './chooseAccelerator';
import type { EfiArchitecture } from './efiArchitecture';

/** The architecture this computer runs (what KVM can run here); undefined for any other. */
export function hostArchitecture(arch: string = process.arch): EfiArchitecture | undefined {
  if (arch === 'x64') return 'x86_64';
  if (arch === 'arm64') return 'aarch64';
  return undefined;
}

export type GuestAcceleratorChoice =
  | Extract<AcceleratorChoice, { ok: true }>
  | { ok: false; reason: string; foreign: boolean };

/**
 * The accelerator for a guest of `guest`'s architecture. KVM only runs guests of the computer's
 * own architecture, so any other (an arm64 image on an x86-64 computer) is always emulated:
 * `auto` becomes TCG, and KVM asked for outright is refused in words rather than silently
 * swapped for an emulation many times slower.
 */
export async function guestAccelerator(
  wish: AcceleratorWish,
  guest: EfiArchitecture,
  host: EfiArchitecture | undefined = hostArchitecture(),
  kvmDevice?: string,
): Promise<GuestAcceleratorChoice> {
  if (guest === host) {
    const choice = await chooseAccelerator(wish, kvmDevice);
    return choice.ok ? choice : { ...choice, foreign: false };
  }
  const here = host ?? process.arch;
  if (wish === 'kvm') {
    return {
      ok: false,
      foreign: true,
      reason: `KVM runs only this computer's own architecture (${here}): an ${guest} guest can only be emulated (TCG)`,
    };
  }
  const asked = wish === 'tcg' ? 'emulation (TCG) was asked for' : 'emulating (TCG), which is slower';
  return {
    ok: true,
    accelerator: 'tcg',
    reason: `an ${guest} guest on this ${here} computer: ${asked}; KVM runs only its own architecture`,
  };
}
