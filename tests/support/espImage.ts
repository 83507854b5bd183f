import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A GPT disk image whose EFI System partition holds the given removable-media boot loaders
 * (`BOOTX64.EFI`, `BOOTAA64.EFI`) as EFI/BOOT/<name>, each a few bytes of nothing: enough for the
 * boot test to tell which machine the image is for, not enough to boot. Made with sgdisk, mkfs.vfat
 * and mtools (this host's kernel mounts no vfat), in `dir`.
 */
export async function espImage(dir: string, loaders: readonly string[]): Promise<string> {
  const esp = join(dir, `esp-${loaders.join('-')}.img`);
  await rm(esp, { force: true });
  await run('truncate', ['-s', '34M', esp]);
  await run('mkfs.vfat', ['-F', '32', '-n', 'ESP', esp]);
  await run('mmd', ['-i', esp, '::EFI', '::EFI/BOOT']);
  for (const name of loaders) {
    const stand = join(dir, name);
    await writeFile(stand, `not a real ${name}\n`);
    await run('mcopy', ['-i', esp, stand, `::EFI/BOOT/${name}`]);
  }
  const disk = join(dir, `disk-${loaders.join('-')}.img`);
  await rm(disk, { force: true });
  await run('truncate', ['-s', '40M', disk]);
  await run('sgdisk', ['-o', '-n', '1:2048:+34M', '-t', '1:ef00', disk]);
  await run('dd', [`if=${esp}`, `of=${disk}`, 'bs=1M', 'seek=1', 'conv=notrunc,sparse']);
  return disk;
}
