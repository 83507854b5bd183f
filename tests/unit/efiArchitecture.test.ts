import { describe, expect, it } from 'vitest';
import { bootsOnlyOnArm64, efiArchitectures } from '../../src/core/bootTest/efiArchitecture';
import type { ReadAt } from '../../src/core/bootTest/iso9660';

const MiB = 1024 * 1024;
const ESP_TYPE = Buffer.from('28732ac11ff8d211ba4b00a0c93ec93b', 'hex');

/** Positioned reads over an in-memory disk (short at its end, as a file is). */
const over =
  (disk: Buffer): ReadAt =>
  async (buffer, position) => {
    if (position >= disk.length) return 0;
    return disk.copy(buffer, 0, position, Math.min(disk.length, position + buffer.length));
  };

/** A GPT disk with one ESP at 1 MiB, `names` written into it at the given offsets from its start. */
function gptDisk(names: { name: string; at: number }[], options: { entries?: number; espMiB?: number } = {}) {
  const espMiB = options.espMiB ?? 4;
  const disk = Buffer.alloc((2 + espMiB) * MiB);
  disk.write('EFI PART', 512, 'latin1');
  disk.writeBigUInt64LE(2n, 512 + 72);
  disk.writeUInt32LE(options.entries ?? 128, 512 + 80);
  disk.writeUInt32LE(128, 512 + 84);
  ESP_TYPE.copy(disk, 1024);
  disk.writeBigUInt64LE(2048n, 1024 + 32);
  disk.writeBigUInt64LE(BigInt(2048 + espMiB * 2048 - 1), 1024 + 40);
  for (const { name, at } of names) disk.write(name, MiB + at, 'latin1');
  return disk;
}

describe('efiArchitectures', () => {
  it('finds the boot loaders an ESP names, however deep in its first MiBs', async () => {
    expect(await efiArchitectures(over(gptDisk([{ name: 'BOOTX64 EFI', at: 4096 }])))).toEqual(
      new Set(['x86_64']),
    );
    const arm = gptDisk([{ name: 'BOOTAA64EFI', at: 3 * MiB + 77 }]);
    expect(await bootsOnlyOnArm64(over(arm))).toBe(true);
    // A name across two of the chunks it reads is found too.
    const across = gptDisk([{ name: 'BOOTAA64EFI', at: MiB - 5 }]);
    expect(await efiArchitectures(over(across))).toEqual(new Set(['aarch64']));
  });

  it('boots an image naming both, or neither, as x86-64 (as before)', async () => {
    const both = gptDisk([
      { name: 'BOOTAA64EFI', at: 100 },
      { name: 'BOOTX64 EFI', at: 200 },
    ]);
    expect(await bootsOnlyOnArm64(over(both))).toBe(false);
    expect(await bootsOnlyOnArm64(over(gptDisk([])))).toBe(false);
  });

  it('finds an ESP through an MBR entry of type 0xEF (a hybrid ISO)', async () => {
    const disk = Buffer.alloc(3 * MiB);
    disk.writeUInt16LE(0xaa55, 510);
    disk[446 + 4] = 0xef;
    disk.writeUInt32LE(2048, 446 + 8);
    disk.writeUInt32LE(2048, 446 + 12);
    disk.write('BOOTAA64EFI', MiB + 10, 'latin1');
    expect(await bootsOnlyOnArm64(over(disk))).toBe(true);
  });

  it('takes nothing the image says on trust: absurd tables, truncation, names outside the ESP', async () => {
    // A table that claims a million entries is not one.
    expect(
      await efiArchitectures(over(gptDisk([{ name: 'BOOTAA64EFI', at: 10 }], { entries: 1_000_000 }))),
    ).toEqual(new Set());
    // An ESP that runs past the end of a truncated image: what is there is searched, no more.
    const truncated = gptDisk([{ name: 'BOOTAA64EFI', at: 10 }]).subarray(0, MiB + 64);
    expect(await efiArchitectures(over(truncated))).toEqual(new Set(['aarch64']));
    // A name in the image but not in its ESP says nothing.
    const outside = gptDisk([]);
    outside.write('BOOTAA64EFI', 600_000, 'latin1');
    expect(await efiArchitectures(over(outside))).toEqual(new Set());
    // No table at all (a qcow2 file, zeros): nothing found.
    expect(await efiArchitectures(over(Buffer.alloc(4096)))).toEqual(new Set());
    expect(await efiArchitectures(over(Buffer.alloc(0)))).toEqual(new Set());
  });

  it('reads a few ESPs at most, however many a hostile table names', async () => {
    // 128 entries, each an ESP starting one sector after the last, all 32 MiB long.
    const disk = Buffer.alloc(40 * MiB);
    disk.write('EFI PART', 512, 'latin1');
    disk.writeBigUInt64LE(2n, 512 + 72);
    disk.writeUInt32LE(128, 512 + 80);
    disk.writeUInt32LE(128, 512 + 84);
    for (let entry = 0; entry < 128; entry += 1) {
      const at = 1024 + entry * 128;
      ESP_TYPE.copy(disk, at);
      disk.writeBigUInt64LE(BigInt(2048 + entry), at + 32);
      disk.writeBigUInt64LE(BigInt(2048 + entry + 65535), at + 40);
    }
    let bytesRead = 0;
    const counting: ReadAt = async (buffer, position) => {
      const got = await over(disk)(buffer, position);
      bytesRead += got;
      return got;
    };
    await efiArchitectures(counting);
    expect(bytesRead).toBeLessThanOrEqual(4 * 33 * MiB);
  });
});
