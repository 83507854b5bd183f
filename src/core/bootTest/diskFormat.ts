import { open } from 'node:fs/promises';
import type { DiskFormat } from './qemuCommand';

/** qcow2 by its magic, ISO 9660 by its volume descriptor at 32 KiB + 1, everything else raw. */
export async function diskFormat(path: string): Promise<DiskFormat> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    if (head.equals(Buffer.from([0x51, 0x46, 0x49, 0xfb]))) return 'qcow2';
    const iso = Buffer.alloc(5);
    await handle.read(iso, 0, 5, 0x8001);
    return iso.toString('latin1') === 'CD001' ? 'iso' : 'raw';
  } finally {
    await handle.close();
  }
}
