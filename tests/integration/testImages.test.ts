import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, rmdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../support/loopDevices';
import {
  allocatedBytes,
  buildDenseImage,
  buildIsoImage,
  buildOddSizedImage,
  buildSparseGptImage,
  type Compression,
  compressImage,
  readPartitions,
  truncateFile,
} from '../support/testImages';

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;
const ESP_TYPE = 'C12A7328-F81F-11D2-BA4B-00A0C93EC93B';
const LINUX_ROOT_X86_64_TYPE = '4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709';
const ROOT_PAYLOAD = 150 * MiB;

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bootstick-images-'));
  dirs.push(dir);
  return dir;
}

/** Runs a builder and prints how long it took, so slow fixtures show up in the CI log. */
async function timed<T>(label: string, build: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await build();
  console.log(`[testImages] ${label}: ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return result;
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** sha256 of what a command writes to stdout (streamed: outputs can be larger than execFile's buffer). */
function sha256OfOutput(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const hash = createHash('sha256');
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => hash.update(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(hash.digest('hex'));
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr}`));
    });
  });
}

async function blkidAt(file: string, offset: number): Promise<string> {
  const { stdout } = await run('blkid', ['-p', '-O', String(offset), file]);
  return stdout;
}

/** Total bytes of the regular files under `root`. */
async function treeBytes(root: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

afterAll(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('sparse GPT image', () => {
  let dir: string;
  let image: string;

  beforeAll(async () => {
    dir = await freshDir();
    image = await timed('buildSparseGptImage (4 GiB, 150 MiB root payload)', () =>
      buildSparseGptImage(dir, { rootPayload: ROOT_PAYLOAD }),
    );
  });

  it('is 4 GiB virtual, mostly holes, and holds the payload', async () => {
    expect((await stat(image)).size).toBe(4 * GiB);
    const allocated = await allocatedBytes(image);
    console.log(`[testImages] sparse image: ${(allocated / MiB).toFixed(1)} MiB allocated of 4096 MiB`);
    expect(allocated).toBeLessThan(0.25 * 4 * GiB);
    expect(allocated).toBeGreaterThan(ROOT_PAYLOAD);
  });

  it('leaves nothing behind in its directory and no loop device on it', async () => {
    expect(await readdir(dir)).toEqual(['sparse-gpt.img']);
    const { stdout } = await run('losetup', ['-j', image]);
    expect(stdout.trim()).toBe('');
  });

  it('has a valid GPT with an EFI System partition and a Linux root partition', async () => {
    const { stdout: verify } = await run('sgdisk', ['-v', image]);
    expect(verify).toContain('No problems found');
    const table = await readPartitions(image);
    expect(table.label).toBe('gpt');
    expect(table.partitions).toHaveLength(2);
    const [esp, root] = table.partitions;
    expect(esp).toMatchObject({ number: 1, start: 1 * MiB, size: 64 * MiB, type: ESP_TYPE });
    expect(root).toMatchObject({ number: 2, start: 65 * MiB, type: LINUX_ROOT_X86_64_TYPE });
    // The root partition fills the disk up to the backup GPT (33 sectors at the end).
    expect((root?.start ?? 0) + (root?.size ?? 0)).toBeGreaterThan(4 * GiB - 1 * MiB);
  });

  it('has a vfat EFI System partition holding the boot loader', async () => {
    const esp = (await readPartitions(image)).partitions[0];
    if (!esp) throw new Error('no partition 1');
    expect(await blkidAt(image, esp.start)).toMatch(/TYPE="vfat"/);
    const { stdout } = await run('mdir', ['-b', '-i', `${image}@@${esp.start}`, '::/EFI/BOOT']);
    expect(stdout).toContain('::/EFI/BOOT/BOOTX64.EFI');
    const copy = join(await freshDir(), 'BOOTX64.EFI');
    await run('mcopy', ['-i', `${image}@@${esp.start}`, '::/EFI/BOOT/BOOTX64.EFI', copy]);
    expect((await stat(copy)).size).toBe(384 * KiB);
  });

  it('has an xfs root partition holding an OS-like tree', async () => {
    const root = (await readPartitions(image)).partitions[1];
    if (!root) throw new Error('no partition 2');
    expect(await blkidAt(image, root.start)).toMatch(/LABEL="root".*TYPE="xfs"/);

    const mountpoint = await freshDir();
    const { stdout } = await run('losetup', [
      '-f',
      '--show',
      '-r',
      '-o',
      String(root.start),
      '--sizelimit',
      String(root.size),
      image,
    ]);
    const device = stdout.trim();
    try {
      const { stdout: magic } = await run('xfs_db', ['-r', '-c', 'sb 0', '-c', 'p magicnum', device]);
      expect(magic.trim()).toBe('magicnum = 0x58465342');
      await run('mount', ['-o', 'ro,norecovery', device, mountpoint]);
      try {
        const tree = await treeBytes(mountpoint);
        console.log(`[testImages] xfs root: ${tree.files} files, ${(tree.bytes / MiB).toFixed(1)} MiB`);
        expect(tree.files).toBeGreaterThan(100);
        expect(tree.bytes).toBeGreaterThanOrEqual(ROOT_PAYLOAD);
        expect(await readFile(join(mountpoint, 'etc/os-release'), 'utf8')).toContain('ID=bootstick-test');
      } finally {
        await run('umount', [mountpoint]);
      }
    } finally {
      await run('losetup', ['-d', device]);
    }
    await rmdir(mountpoint);
  });
});

describe('dense image', () => {
  it('has every byte written: fully allocated, no zero block', async () => {
    const dir = await freshDir();
    const image = await timed('buildDenseImage (64 MiB)', () => buildDenseImage(dir, 64 * MiB));
    expect((await stat(image)).size).toBe(64 * MiB);
    expect(await allocatedBytes(image)).toBeGreaterThanOrEqual(64 * MiB);
    const bytes = await readFile(image);
    const zeroBlock = Buffer.alloc(4 * KiB);
    for (let offset = 0; offset < bytes.length; offset += zeroBlock.length) {
      if (bytes.subarray(offset, offset + zeroBlock.length).equals(zeroBlock)) {
        throw new Error(`4 KiB block of zeros at ${offset}`);
      }
    }
  });
});

describe('ISO image', () => {
  it('is an ISO 9660 image listing its files', async () => {
    const dir = await freshDir();
    const image = await timed('buildIsoImage', () => buildIsoImage(dir));
    const { size } = await stat(image);
    expect(size % 2048).toBe(0);
    expect(size).toBeGreaterThan(4 * MiB);
    expect(await blkidAt(image, 0)).toMatch(/LABEL="BOOTSTICK_TEST".*TYPE="iso9660"/);
    const { stdout } = await run('xorriso', ['-indev', image, '-find', '/', '-type', 'f']);
    expect(stdout).toContain("'/EFI/BOOT/BOOTX64.EFI'");
    expect(stdout).toContain("'/images/pxeboot/vmlinuz'");
    expect(await readdir(dir)).toEqual(['image.iso']);
  });
});

describe('odd-sized image', () => {
  it('is not a whole number of 512-byte sectors', async () => {
    const image = await timed('buildOddSizedImage', async () => buildOddSizedImage(await freshDir()));
    const { size } = await stat(image);
    expect(size).toBe(3 * MiB + 333);
    expect(size % 512).not.toBe(0);
  });
});

describe('compressed and truncated images', () => {
  let image: string;
  let original: string;

  beforeAll(async () => {
    image = await buildOddSizedImage(await freshDir());
    original = await sha256OfFile(image);
  });

  const decompress: Record<Compression, (path: string) => [string, string[]]> = {
    xz: (path) => ['xz', ['-dc', path]],
    gz: (path) => ['gzip', ['-dc', path]],
    bz2: (path) => ['bzip2', ['-dc', path]],
    zip: (path) => ['unzip', ['-p', path]],
  };

  it.each(Object.keys(decompress) as Compression[])(
    '%s decompresses back to identical bytes',
    async (compression) => {
      const compressed = await timed(`compressImage ${compression} (3 MiB)`, () =>
        compressImage(image, compression),
      );
      expect(compressed).toBe(`${image}.${compression}`);
      expect(await sha256OfFile(image)).toBe(original); // the original is kept
      const [command, args] = decompress[compression](compressed);
      expect(await sha256OfOutput(command, args)).toBe(original);
      if (compression === 'zip') {
        const { stdout } = await run('unzip', ['-Z1', compressed]);
        expect(stdout.trim()).toBe('odd-sized.img');
      }
    },
  );

  it('a truncated .xz fails its integrity check', async () => {
    const compressed = await compressImage(image, 'xz');
    await run('xz', ['-t', compressed]);
    const truncated = await truncateFile(compressed, 0.5);
    expect(truncated.endsWith('.img.xz')).toBe(true);
    expect((await stat(truncated)).size).toBe(Math.floor((await stat(compressed)).size * 0.5));
    await expect(run('xz', ['-t', truncated])).rejects.toThrow(/Unexpected end of input/);
  });
});
