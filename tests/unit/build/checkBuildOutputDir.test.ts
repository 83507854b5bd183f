import { readlinkSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openOutputFolder } from '../../../src/helper/diskImages/openOutputFolder';

let base: string;
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'bootstick-out-'));
});

describe('the output folder root writes a build into', () => {
  it('is accepted when it is a real, empty folder, and held open (the probe file it made is gone)', async () => {
    const dir = join(base, 'build');
    await mkdir(dir);
    const folder = await openOutputFolder(dir);
    expect(readlinkSync(`/proc/self/fd/${folder.fd}`)).toBe(dir);
    expect(await readdir(dir)).toEqual([]);
    folder.close();
  });

  it('is refused when missing, not empty, a file, a symlink, or a system folder', async () => {
    await expect(openOutputFolder(join(base, 'missing'))).rejects.toThrow(/does not exist/);
    await writeFile(join(base, 'stray'), 'x');
    await expect(openOutputFolder(base)).rejects.toThrow(/not empty/);
    await expect(openOutputFolder(join(base, 'stray'))).rejects.toThrow(/not a folder/);
    await mkdir(join(base, 'real'));
    await symlink(join(base, 'real'), join(base, 'link'));
    await expect(openOutputFolder(join(base, 'link'))).rejects.toThrow(/symbolic link/);
    // Refused by path whether or not the folder exists here (a host that never ran podman has no
    // /var/lib/containers/storage; the last one exists nowhere).
    for (const system of [
      '/etc',
      '/usr/lib',
      '/var/lib/containers/storage',
      '/',
      '/usr/lib/no-such-folder-here',
    ]) {
      await expect(openOutputFolder(system)).rejects.toThrow(/system folder/);
    }
  });
});
