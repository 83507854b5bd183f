import { execFile } from 'node:child_process';
import { open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratch, tree } from '../support/bibOutput';
import { podman } from '../support/podman';
import { ensureBibStandin, ensureSourceImage, requirePodman } from '../support/podmanFixtures';
import { runBib, startBib } from '../support/runBib';
import { readPartitions } from '../support/testImages';

/**
 * The bootc-image-builder stand-in, run with real rootful podman the documented way, behaves like bib
 * (shared/reference/bib-data/contract.md): what it prints while building, what it leaves in
 * /output and with which owner, and how it dies when stopped. Refusals and failures are in
 * bibStandinRefusals.test.ts.
 */

const run = promisify(execFile);
const HASH =
  '$6$abcdefgh12345678$0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ./0123456789abcdefghijkl';
const FAST = { BOOTSTICK_STANDIN_PACE: '0.5' };

const scratchDirs = scratch();
let bib: string;
let bootc: string;

async function readBytes(path: string, offset: number, length: number): Promise<Buffer> {
  const handle = await open(path);
  try {
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, offset);
    return buffer;
  } finally {
    await handle.close();
  }
}

async function owners(dir: string): Promise<Array<[string, number, number]>> {
  const names = ['', ...(await tree(dir))];
  return Promise.all(
    names.map(async (name): Promise<[string, number, number]> => {
      const { uid, gid } = await stat(join(dir, name));
      return [name, uid, gid];
    }),
  );
}

type Stage = { type: string; options: Record<string, unknown> };
type Manifest = { version: string; pipelines: Array<{ name: string; stages: Stage[] }> };

beforeAll(async () => {
  await requirePodman();
  bib = await ensureBibStandin('bib');
  bootc = await ensureSourceImage('bootc');
}, 300_000);

afterAll(() => scratchDirs.cleanup());

describe('the stand-in image', () => {
  it('is laid out like bib’s: entrypoint, working directory /output and the four volumes', async () => {
    const { stdout } = await podman(['image', 'inspect', '--format', '{{json .Config}}', bib]);
    const config = JSON.parse(stdout);
    expect(config.Entrypoint).toEqual(['/usr/bin/bootc-image-builder']);
    expect(config.WorkingDir).toBe('/output');
    expect(Object.keys(config.Volumes).sort()).toEqual([
      '/output',
      '/rpmmd',
      '/store',
      '/var/lib/containers/storage',
    ]);
  });
});

describe('a raw build with the documented invocation', () => {
  it('streams bib and osbuild progress and leaves the manifest and a sparse GPT disk.raw, owned by root', async () => {
    const output = await scratchDirs.dir();
    const config = await scratchDirs.file(
      'config.toml',
      `[[customizations.user]]\nname = "alice"\npassword = "${HASH}"\nkey = "ssh-ed25519 AAAAC3 alice@laptop"\ngroups = ["wheel"]\n`,
    );
    const result = await runBib(bib, ['--type', 'raw', '--progress', 'verbose', bootc], {
      output,
      config,
      env: FAST,
    });

    expect(result.code).toBe(0);
    expect(result.stderr.split('\n')).toEqual([
      'Generating manifest manifest-raw.json',
      'Manifest generation step',
      'Done generating manifest',
      'Disk image building step',
      'Building manifest-raw.json',
      'Build complete!',
      'Results saved in .',
      '',
    ]);
    expect(result.stdout).toMatch(/^Pipeline build: [0-9a-f]{64}$/m);
    expect(result.stdout).toMatch(/^org\.osbuild\.bootc\.install-to-filesystem: [0-9a-f]{64} \{$/m);
    expect(result.stdout).toMatch(/^⏱ {2}Duration: \d+s$/m);
    expect(result.stdout).toContain('manifest - finished successfully\n');

    expect(await tree(output)).toEqual(['image', 'image/disk.raw', 'manifest-raw.json']);
    const manifest: Manifest = JSON.parse(await readFile(join(output, 'manifest-raw.json'), 'utf8'));
    expect(manifest.version).toBe('2');
    expect(manifest.pipelines[0]?.name).toBe('build');
    const users = manifest.pipelines.flatMap((p) => p.stages).find((s) => s.type === 'org.osbuild.users');
    expect(users?.options).toEqual({
      users: { alice: { password: HASH, key: 'ssh-ed25519 AAAAC3 alice@laptop', groups: ['wheel'] } },
    });

    const disk = await stat(join(output, 'image/disk.raw'));
    expect(disk.size).toBe(10 * 1024 ** 3);
    expect(disk.blocks * 512).toBeLessThan(100 * 1024 ** 2);
    const { label, partitions } = await readPartitions(join(output, 'image/disk.raw'));
    expect(label).toBe('gpt');
    expect(partitions.map((partition) => partition.name)).toEqual([
      'BIOS-BOOT',
      'EFI-SYSTEM',
      'boot',
      'root',
    ]);
    for (const [name, uid, gid] of await owners(output)) expect([uid, gid], name).toEqual([0, 0]);
  });

  it('gives the whole output to --chown UID:GID at the end', async () => {
    const output = await scratchDirs.dir();
    const result = await runBib(bib, ['--type', 'qcow2', '--chown', '1234:5678', bootc], {
      output,
      env: FAST,
    });
    expect(result.code).toBe(0);
    expect(await tree(output)).toEqual(['manifest-qcow2.json', 'qcow2', 'qcow2/disk.qcow2']);
    for (const [name, uid, gid] of await owners(output)) expect([uid, gid], name).toEqual([1234, 5678]);
    expect(await readBytes(join(output, 'qcow2/disk.qcow2'), 0, 4)).toEqual(Buffer.from('QFI\xfb', 'latin1'));
  });

  it('hashes a plain-text password and leaves a marker saying it saw one', async () => {
    const output = await scratchDirs.dir();
    const config = await scratchDirs.file(
      'config.json',
      JSON.stringify({ customizations: { user: [{ name: 'bob', password: 'hunter2' }] } }),
    );
    const result = await runBib(bib, ['--type', 'raw', bootc], { output, config, env: FAST });
    expect(result.code).toBe(0);
    const manifest = await readFile(join(output, 'manifest-raw.json'), 'utf8');
    expect(manifest).not.toContain('hunter2');
    expect(manifest).toMatch(/"password": "\$6\$/);
    expect(JSON.parse(await readFile(join(output, '.standin-saw-plaintext'), 'utf8'))).toEqual({
      users: ['bob'],
    });
  });
});

describe('an ISO build', () => {
  it('writes bootiso/install.iso, an ISO 9660 image whose kickstart holds the users', async () => {
    const output = await scratchDirs.dir();
    const config = await scratchDirs.file(
      'config.toml',
      `[[customizations.user]]\nname = "alice"\npassword = "${HASH}"\n`,
    );
    const result = await runBib(bib, ['--type', 'anaconda-iso', bootc], { output, config, env: FAST });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^bootiso:\s+\t[0-9a-f]{64}$/m);
    expect(await tree(output)).toEqual(['bootiso', 'bootiso/install.iso', 'manifest-anaconda-iso.json']);
    const iso = join(output, 'bootiso/install.iso');
    expect((await readBytes(iso, 0x8001, 5)).toString('ascii')).toBe('CD001');
    const { stdout: listing } = await run('xorriso', ['-indev', iso, '-ls', '/'], { encoding: 'utf8' });
    expect(listing).toContain("'OSBUILD.KS'");
    // The kickstart is stored uncompressed, so its text is in the image as is.
    expect((await readFile(iso)).toString('latin1')).toContain(
      `user --name=alice --password=${HASH} --iscrypted`,
    );
  });
});

describe('manifest and progress modes', () => {
  it('`manifest` prints the pipelines ahead of a build, and they depend on the image type', async () => {
    const disk = await runBib(bib, ['manifest', '--type', 'qcow2', bootc], { env: FAST });
    const iso = await runBib(bib, ['manifest', '--type', 'anaconda-iso', bootc], { env: FAST });
    expect([disk.code, iso.code]).toEqual([0, 0]);
    expect(disk.stderr).toBe('Manifest generation step\n');
    expect(disk.stdout.trimEnd().split('\n')).toHaveLength(1);
    const names = (text: string) => (JSON.parse(text) as Manifest).pipelines.map((pipeline) => pipeline.name);
    expect(names(disk.stdout)).toEqual(['build', 'image', 'qcow2', 'vmdk', 'vpc', 'ovf', 'archive', 'gce']);
    expect(names(iso.stdout)).toEqual([
      'build',
      'anaconda-tree',
      'rootfs-image',
      'efiboot-tree',
      'bootiso-tree',
      'bootiso',
    ]);
  });

  it('--progress debug writes only stderr lines, osbuild’s own output kept back', async () => {
    const result = await runBib(bib, ['--type', 'raw', '--progress', 'debug', bootc], { env: FAST });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    for (const line of [
      'Start progressbar',
      'pulse: Manifest generation step',
      'pulse: Disk image building step',
      'msg: Build complete!',
      'Stop progressbar',
    ]) {
      expect(
        result.stderr.split('\n').filter((text) => text === line),
        line,
      ).toHaveLength(1);
    }
    expect(result.stderr).toMatch(/^\[2 \/ 3\] Pipeline image$/m);
    expect(result.stderr).toMatch(/^ {2}\[5 \/ 6\] Stage org\.osbuild\.bootc\.install-to-filesystem$/m);
  });
});

describe('cancellation', () => {
  it('ends promptly on `podman stop` mid-build, leaving what was written', async () => {
    const output = await scratchDirs.dir();
    const name = `bootstick-bib-stop-${process.pid}`;
    const running = startBib(bib, ['--type', 'raw', bootc], {
      output,
      name,
      env: { BOOTSTICK_STANDIN_PACE: '10' },
    });
    await running.waitFor(/^Pipeline image: /m);
    const stopped = Date.now();
    await podman(['stop', '--time', '10', name]);
    const result = await running.result;
    expect(Date.now() - stopped).toBeLessThan(5_000);
    expect(result.code).toBe(143);
    expect(result.stderr).not.toContain('Build complete!');
    expect(await tree(output)).toEqual(['manifest-raw.json']);
  });
});
