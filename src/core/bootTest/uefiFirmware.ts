import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

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

function suits(descriptor: Descriptor, architecture: string): boolean {
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
        (target.machines ?? []).some((machine) => machine.startsWith('pc-q35')),
    ) &&
    !(descriptor.features ?? []).some((feature) => UNSUITABLE_FEATURES.includes(feature))
  );
}

/**
 * The UEFI firmware QEMU's descriptors name for `architecture` on a q35 machine, found the way
 * QEMU and libvirt do: a file in a later folder replaces one of the same name in an earlier
 * folder, and the survivors are tried in the order of their names.
 */
export async function findUefiFirmware(
  architecture = 'x86_64',
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
    return {
      descriptor: path,
      code: descriptor.mapping?.executable?.filename as string,
      varsTemplate: descriptor.mapping?.['nvram-template']?.filename as string,
    };
  }
  return undefined;
}
