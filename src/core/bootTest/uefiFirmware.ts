import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { EfiArchitecture } from './efiArchitecture';

/** Where QEMU itself looks for firmware descriptors (docs/interop/firmware.json), lowest precedence first. */
export const FIRMWARE_DESCRIPTOR_DIRS = ['/usr/share/qemu/firmware', '/etc/qemu/firmware'];

export interface UefiFirmware {
  descriptor: string;
  code: string;
  varsTemplate: string;
}

interface Descriptor {
  'interface-types'?: string[];
  mapping?: {
    device?: string;
    executable?: { filename?: string; format?: string };
    'nvram-template'?: { filename?: string; format?: string };
  };
  targets?: { architecture?: string; machines?: string[] }[];
  features?: string[];
}

/**
 * Features that would stop a plain test boot: Secure Boot with enrolled keys refuses an unsigned
 * image, and SMM-only firmware needs a machine set up for it.
 */
const UNSUITABLE_FEATURES = ['enrolled-keys', 'requires-smm', 'secure-boot'];

/**
 * The machine each architecture's boot test runs on (qemuCommand.ts), as descriptors name it:
 * q35 for x86-64 (`pc-q35-*`), the generic `virt` board for arm64 (`virt-*`, Debian's
 * qemu-efi-aarch64 and Fedora's edk2-aarch64 both say so).
 */
const MACHINE_FAMILY: Record<EfiArchitecture, string> = { x86_64: 'pc-q35', aarch64: 'virt' };

/**
 * The virt machine's two flash devices are 64 MiB each, and QEMU refuses a pflash file of any
 * other size ("device requires 67108864 bytes"): arm64 firmware that is not padded to it would
 * only fail once QEMU starts, so it is passed over here.
 */
const AARCH64_PFLASH_BYTES = 64 * 1024 * 1024;

function suits(descriptor: Descriptor, architecture: EfiArchitecture): boolean {
  const mapping = descriptor.mapping;
  return (
    (descriptor['interface-types'] ?? []).includes('uefi') &&
    mapping?.device === 'flash' &&
    mapping.executable?.format === 'raw' &&
    typeof mapping.executable.filename === 'string' &&
    mapping['nvram-template']?.format === 'raw' &&
    typeof mapping['nvram-template'].filename === 'string' &&
    (descriptor.targets ?? []).some(
      (target) =>
        target.architecture === architecture &&
        (target.machines ?? []).some((machine) => machine.startsWith(MACHINE_FAMILY[architecture])),
    ) &&
    !(descriptor.features ?? []).some((feature) => UNSUITABLE_FEATURES.includes(feature))
  );
}

/** Whether QEMU will take these files as the machine's flash: for arm64, exactly 64 MiB each. */
async function fitsFlash(architecture: EfiArchitecture, files: string[]): Promise<boolean> {
  if (architecture !== 'aarch64') return true;
  const sizes = await Promise.all(
    files.map((file) =>
      stat(file).then(
        (info) => info.size,
        () => -1,
      ),
    ),
  );
  return sizes.every((size) => size === AARCH64_PFLASH_BYTES);
}

/**
 * The UEFI firmware QEMU's descriptors name for `architecture` on its machine (q35, or virt for
 * arm64), found the way
 * QEMU and libvirt do: a file in a later folder replaces one of the same name in an earlier
 * folder, and the survivors are tried in the order of their names.
 */
export async function findUefiFirmware(
  architecture: EfiArchitecture = 'x86_64',
  dirs: readonly string[] = FIRMWARE_DESCRIPTOR_DIRS,
): Promise<UefiFirmware | undefined> {
  const byName = new Map<string, string>();
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((file) => file.endsWith('.json'))) byName.set(name, join(dir, name));
  }
  for (const name of [...byName.keys()].sort()) {
    const path = byName.get(name) as string;
    const descriptor = await readFile(path, 'utf8').then(
      (text) => JSON.parse(text) as Descriptor,
      () => undefined,
    );
    if (!descriptor || !suits(descriptor, architecture)) continue;
    const code = descriptor.mapping?.executable?.filename as string;
    const varsTemplate = descriptor.mapping?.['nvram-template']?.filename as string;
    if (!(await fitsFlash(architecture, [code, varsTemplate]))) continue;
    return { descriptor: path, code, varsTemplate };
  }
  return undefined;
}
