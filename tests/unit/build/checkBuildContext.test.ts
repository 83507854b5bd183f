import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkBuildContext } from '../../../src/helper/containerImages/checkBuildContext';

let base: string;
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'bootstick-ctx-'));
});

const request = (contextDir: string, containerfile: string) => ({
  jobId: 'image-1',
  contextDir,
  containerfile,
  tag: 'localhost/a:1',
});

describe('the folder root builds a Containerfile in', () => {
  it('is accepted when it is a real folder holding the Containerfile; podman gets resolved paths', async () => {
    const ctx = join(base, 'ctx');
    await mkdir(join(ctx, 'sub'), { recursive: true });
    await writeFile(join(ctx, 'sub/Containerfile'), 'FROM scratch\n');
    // A symlink above the folder (as /home is on Fedora Atomic desktops) is fine: it resolves.
    await symlink(base, join(base, 'alias'));
    const checked = await checkBuildContext(
      request(join(base, 'alias/ctx'), join(base, 'alias/ctx/sub/../sub/Containerfile')),
    );
    expect(checked).toEqual({
      contextDir: ctx,
      containerfile: join(ctx, 'sub/Containerfile'),
      containerfileText: 'FROM scratch\n',
    });
  });

  it('is refused when missing, a file, a symlink, or a system folder', async () => {
    await expect(checkBuildContext(request(join(base, 'missing'), join(base, 'missing/C')))).rejects.toThrow(
      /does not exist/,
    );
    await writeFile(join(base, 'file'), 'x');
    await expect(checkBuildContext(request(join(base, 'file'), join(base, 'file')))).rejects.toThrow(
      /not a folder/,
    );
    await mkdir(join(base, 'real'));
    await writeFile(join(base, 'real/Containerfile'), 'FROM scratch\n');
    await symlink(join(base, 'real'), join(base, 'link'));
    await expect(
      checkBuildContext(request(join(base, 'link'), join(base, 'link/Containerfile'))),
    ).rejects.toThrow(/symbolic link/);
    // Refused by path whether or not the folder exists on this host.
    for (const system of [
      '/etc',
      '/usr/lib',
      '/root',
      '/var/lib/containers/storage',
      '/',
      '/etc/no-such-folder-here',
    ]) {
      await expect(checkBuildContext(request(system, `${system}/Containerfile`))).rejects.toThrow(
        /system folder/,
      );
    }
  });

  it('refuses a Containerfile.in (podman would run the host cpp on it as root) before opening anything', async () => {
    const ctx = join(base, 'ctx');
    await mkdir(ctx);
    await writeFile(join(ctx, 'Containerfile.in'), '#include "/etc/shadow"\nFROM scratch\n');
    await expect(checkBuildContext(request(ctx, join(ctx, 'Containerfile.in')))).rejects.toThrow(
      /ends in \.in: podman would run it through the C preprocessor/,
    );
  });

  it('refuses a Containerfile outside the folder, missing, a symlink, or a folder', async () => {
    const ctx = join(base, 'ctx');
    await mkdir(join(ctx, 'dir'), { recursive: true });
    await writeFile(join(base, 'Outside'), 'FROM scratch\n');
    await expect(checkBuildContext(request(ctx, join(base, 'Outside')))).rejects.toThrow(/not inside/);
    await expect(checkBuildContext(request(ctx, join(ctx, '../Outside')))).rejects.toThrow(/not inside/);
    await expect(checkBuildContext(request(ctx, join(ctx, 'Missing')))).rejects.toThrow(/does not exist/);
    await symlink(join(base, 'Outside'), join(ctx, 'Containerfile'));
    await expect(checkBuildContext(request(ctx, join(ctx, 'Containerfile')))).rejects.toThrow(
      /symbolic link/,
    );
    await expect(checkBuildContext(request(ctx, join(ctx, 'dir')))).rejects.toThrow(/not a file/);
    // A folder that shares the context's name as a prefix is still outside it.
    await mkdir(join(base, 'ctx-other'));
    await writeFile(join(base, 'ctx-other/Containerfile'), 'FROM scratch\n');
    await expect(checkBuildContext(request(ctx, join(base, 'ctx-other/Containerfile')))).rejects.toThrow(
      /not inside/,
    );
  });
});
