import { execFile } from 'node:child_process';
import { createCipheriv, createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, open, rm, rmdir, stat, truncate, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Disk-image fixtures built at test time from Debian tools (see scripts/install-system-deps.sh):
 * nothing binary is committed. Every builder writes only inside the directory it is given and
 * undoes every loop device and mount it made, also when it fails. Content is pseudo-random but
 * deterministic (an AES-CTR keystream keyed by a name), so it never compresses away nor reads as
 * holes; filesystem UUIDs and timestamps still differ between builds.
 */

const run = promisify(execFile);

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;
const CHUNK = 4 * MiB;
const ZEROS = Buffer.alloc(CHUNK);

/** A deterministic pseudo-random byte source: the AES-256-CTR keystream for `seed`. */
function keystream(seed: string): (length: number) => Buffer {
  const key = createHash('sha256').update(seed).digest();
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  return (length) => {
    if (length <= CHUNK) return cipher.update(ZEROS.subarray(0, length));
    return Buffer.concat(
      Array.from({ length: Math.ceil(length / CHUNK) }, (_, i) =>
        cipher.update(ZEROS.subarray(0, Math.min(CHUNK, length - i * CHUNK))),
      ),
    );
  };
}

/** A deterministic integer in [min, max] drawn from `bytes`. */
function between(bytes: (length: number) => Buffer, min: number, max: number): number {
  return min + (bytes(4).readUInt32LE(0) % (max - min + 1));
}

/** Writes `size` pseudo-random bytes (seeded by `seed`) to `path`, chunk by chunk. */
async function writeRandomFile(path: string, size: number, seed: string): Promise<void> {
  const bytes = keystream(seed);
  const handle = await open(path, 'w');
  try {
    for (let written = 0; written < size; written += CHUNK) {
      const chunk = bytes(Math.min(CHUNK, size - written));
      await handle.write(chunk, 0, chunk.length);
    }
  } finally {
    await handle.close();
  }
}

type Undo = () => Promise<void>;

/**
 * Runs `body`, then every undo it registered, last first, whether `body` succeeded or not.
 * A failed undo is reported (together with the body's own error, if any), never swallowed.
 */
async function withCleanup<T>(body: (defer: (undo: Undo) => void) => Promise<T>): Promise<T> {
  const undos: Undo[] = [];
  let result: T;
  try {
    result = await body((undo) => undos.push(undo));
  } catch (error) {
    const cleanupErrors = await unwind(undos);
    if (cleanupErrors.length > 0)
      throw new AggregateError([error, ...cleanupErrors], 'build and cleanup failed');
    throw error;
  }
  const cleanupErrors = await unwind(undos);
  if (cleanupErrors.length > 0) throw new AggregateError(cleanupErrors, 'cleanup after building failed');
  return result;
}

async function unwind(undos: Undo[]): Promise<unknown[]> {
  const errors: unknown[] = [];
  for (const undo of undos.splice(0).reverse()) {
    try {
      await undo();
    } catch (error) {
      errors.push(error);
    }
  }
  return errors;
}

/** An undo that runs once, whether it is called early by the builder or at cleanup. */
function once(undo: Undo): Undo {
  let done = false;
  return async () => {
    if (done) return;
    done = true;
    await undo();
  };
}

/** Attaches bytes [offset, offset+size) of `file` to a free loop device; `release` detaches it. */
async function attachLoop(
  file: string,
  offset: number,
  size: number,
  defer: (undo: Undo) => void,
): Promise<{ device: string; release: Undo }> {
  const { stdout } = await run('losetup', [
    '-f',
    '--show',
    '-o',
    String(offset),
    '--sizelimit',
    String(size),
    file,
  ]);
  const device = stdout.trim();
  const release = once(async () => {
    await run('losetup', ['-d', device]);
  });
  defer(release);
  return { device, release };
}

/** Mounts `device` on a fresh directory inside `dir`; `release` unmounts it and removes the (empty) directory. */
async function mountInside(
  dir: string,
  device: string,
  defer: (undo: Undo) => void,
): Promise<{ mountpoint: string; release: Undo }> {
  const mountpoint = await mkdtemp(join(dir, '.mnt-'));
  await run('mount', [device, mountpoint]).catch(async (error: unknown) => {
    await rmdir(mountpoint);
    throw error;
  });
  const release = once(async () => {
    try {
      await run('umount', [mountpoint]);
    } catch (error) {
      // Still busy: detach lazily so the loop device frees itself, but report the failure.
      await run('umount', ['-l', mountpoint]).catch(() => {});
      throw error;
    }
    // rmdir, never rm -r: if the unmount somehow did not happen, this must not delete the contents.
    await rmdir(mountpoint);
  });
  defer(release);
  return { mountpoint, release };
}

/** A scratch directory inside `dir`, removed at cleanup. */
async function scratchDir(dir: string, prefix: string, defer: (undo: Undo) => void): Promise<string> {
  const path = await mkdtemp(join(dir, prefix));
  defer(() => rm(path, { recursive: true, force: true }));
  return path;
}

export interface Partition {
  /** 1-based partition number. */
  number: number;
  /** Offset of the partition from the start of the image, in bytes. */
  start: number;
  /** Length in bytes. */
  size: number;
  /** Partition type GUID (GPT) or type code (MBR), as sfdisk prints it. */
  type: string;
  name?: string;
}

interface SfdiskJson {
  partitiontable: {
    label: string;
    sectorsize?: number;
    partitions?: Array<{ node: string; start: number; size: number; type: string; name?: string }>;
  };
}

/** The partition table of an image file as `sfdisk --json` reads it, offsets in bytes. */
export async function readPartitions(image: string): Promise<{ label: string; partitions: Partition[] }> {
  const { stdout } = await run('sfdisk', ['--json', image]);
  const table = (JSON.parse(stdout) as SfdiskJson).partitiontable;
  const sector = table.sectorsize ?? 512;
  const partitions = (table.partitions ?? []).map((entry) => ({
    number: Number(/(\d+)$/.exec(entry.node)?.[1]),
    start: entry.start * sector,
    size: entry.size * sector,
    type: entry.type,
    ...(entry.name === undefined ? {} : { name: entry.name }),
  }));
  return { label: table.label, partitions };
}

/** Bytes the filesystem actually allocated for `path` (holes excluded). */
export async function allocatedBytes(path: string): Promise<number> {
  return (await stat(path)).blocks * 512;
}

/** Fills `root` with a small OS-like tree of pseudo-random files totalling about `payload` bytes. */
async function fillRootTree(root: string, payload: number): Promise<void> {
  const text = (lines: string[]) => `${lines.join('\n')}\n`;
  await mkdir(join(root, 'etc'), { recursive: true });
  await writeFile(
    join(root, 'etc/os-release'),
    text([
      'NAME="Bootstick Test OS"',
      'ID=bootstick-test',
      'VERSION_ID=1',
      'PRETTY_NAME="Bootstick Test OS 1"',
    ]),
  );
  await writeFile(
    join(root, 'etc/fstab'),
    text(['LABEL=root / xfs defaults 0 0', 'LABEL=EFI /boot/efi vfat umask=0077 0 2']),
  );

  // A few large files: about 70% of the payload.
  const kernel = 'usr/lib/modules/6.12.0-test.x86_64';
  const large: Array<[string, number]> = [
    [`${kernel}/initramfs.img`, 0.3],
    ['usr/lib/firmware/bundle.bin', 0.2],
    [`${kernel}/vmlinuz`, 0.12],
    ['var/lib/containers/storage/layer.tar', 0.08],
  ];
  let remaining = payload;
  for (const [path, share] of large) {
    const size = Math.floor(payload * share);
    await mkdir(join(root, dirname(path)), { recursive: true });
    await writeRandomFile(join(root, path), size, `root:${path}`);
    remaining -= size;
  }

  // Many small files (1 KiB to 128 KiB) spread over several directories: the rest.
  const dirs = [
    'usr/bin',
    'usr/lib64',
    'usr/share/doc/base',
    'usr/share/locale/ko/LC_MESSAGES',
    'etc/ssl/certs',
    'var/lib/rpm',
  ];
  for (const sub of dirs) await mkdir(join(root, sub), { recursive: true });
  const sizes = keystream('root:sizes');
  for (let index = 0; remaining > 0; index++) {
    const size = Math.min(remaining, between(sizes, 1 * KiB, 128 * KiB));
    const path = join(dirs[index % dirs.length] ?? 'usr/bin', `file-${String(index).padStart(4, '0')}.bin`);
    await writeFile(join(root, path), keystream(`root:${path}`)(size));
    remaining -= size;
  }
}

/** Fills `root` with a small EFI System partition tree: a fallback boot loader, a second loader and a config. */
async function fillEspTree(root: string): Promise<void> {
  await mkdir(join(root, 'EFI/BOOT'), { recursive: true });
  await mkdir(join(root, 'EFI/fedora'), { recursive: true });
  await writeRandomFile(join(root, 'EFI/BOOT/BOOTX64.EFI'), 384 * KiB, 'esp:BOOTX64.EFI');
  await writeRandomFile(join(root, 'EFI/BOOT/fbx64.efi'), 96 * KiB, 'esp:fbx64.efi');
  await writeRandomFile(join(root, 'EFI/fedora/grubx64.efi'), 256 * KiB, 'esp:grubx64.efi');
  await writeFile(
    join(root, 'EFI/fedora/grub.cfg'),
    'search --no-floppy --label root --set prefix\nconfigfile ($prefix)/boot/grub2/grub.cfg\n',
  );
}

/** A bootc-style disk: GPT, 64 MiB vfat EFI System partition + xfs root, mostly holes (the common real-world image). */
export async function buildSparseGptImage(
  dir: string,
  options: { size?: number; rootPayload?: number } = {},
): Promise<string> {
  const size = options.size ?? 4 * GiB;
  const payload = options.rootPayload ?? 160 * MiB;
  // xfsprogs 6.x refuses filesystems under 300 MiB; leave room for the ESP and the payload.
  if (size < 65 * MiB + 300 * MiB + payload + 64 * MiB) {
    throw new RangeError(
      `buildSparseGptImage: ${size} bytes is too small for a ${payload}-byte root payload`,
    );
  }
  const image = join(dir, 'sparse-gpt.img');
  await rm(image, { force: true });
  await writeFile(image, '');
  await truncate(image, size);
  await run('sgdisk', [
    '-n',
    '1:1MiB:+64MiB',
    '-t',
    '1:ef00',
    '-c',
    '1:EFI System',
    '-n',
    '2:0:0',
    '-t',
    '2:8304',
    '-c',
    '2:root',
    image,
  ]);
  const { partitions } = await readPartitions(image);
  const [esp, root] = partitions;
  if (!esp || !root)
    throw new Error(`buildSparseGptImage: sgdisk made ${partitions.length} partitions, expected 2`);

  await withCleanup(async (defer) => {
    // EFI System partition: format through an offset loop device, detach, then copy files in with mtools
    // (this host's kernel has no vfat driver, so it cannot be mounted).
    const espLoop = await attachLoop(image, esp.start, esp.size, defer);
    await run('mkfs.vfat', ['-F', '32', '-n', 'EFI', espLoop.device]);
    await espLoop.release();
    const espTree = await scratchDir(dir, '.esp-', defer);
    await fillEspTree(espTree);
    await run('mcopy', ['-s', '-i', `${image}@@${esp.start}`, join(espTree, 'EFI'), '::/']);

    // Root: xfs through an offset loop device, mounted and filled, then unmounted and detached.
    const rootLoop = await attachLoop(image, root.start, root.size, defer);
    await run('mkfs.xfs', ['-q', '-f', '-L', 'root', rootLoop.device]);
    const mounted = await mountInside(dir, rootLoop.device, defer);
    await fillRootTree(mounted.mountpoint, payload);
    await mounted.release();
    await rootLoop.release();
  });
  return image;
}

/** A fully written raw image with no holes and nothing compressible (the worst case for a writer). */
export async function buildDenseImage(dir: string, size: number): Promise<string> {
  if (!Number.isSafeInteger(size) || size <= 0) throw new RangeError(`buildDenseImage: bad size ${size}`);
  const image = join(dir, 'dense.img');
  await writeRandomFile(image, size, `dense:${size}`);
  return image;
}

/** An installer-style ISO 9660 image (Rock Ridge + Joliet) of a few MiB, made by xorriso. */
export async function buildIsoImage(dir: string): Promise<string> {
  const image = join(dir, 'image.iso');
  await rm(image, { force: true });
  await withCleanup(async (defer) => {
    const tree = await scratchDir(dir, '.iso-', defer);
    await mkdir(join(tree, 'EFI/BOOT'), { recursive: true });
    await mkdir(join(tree, 'images/pxeboot'), { recursive: true });
    await writeRandomFile(join(tree, 'EFI/BOOT/BOOTX64.EFI'), 384 * KiB, 'iso:BOOTX64.EFI');
    await writeRandomFile(join(tree, 'images/pxeboot/vmlinuz'), 1536 * KiB, 'iso:vmlinuz');
    await writeRandomFile(join(tree, 'images/pxeboot/initrd.img'), 2 * MiB, 'iso:initrd.img');
    await writeRandomFile(join(tree, 'images/install.img'), 1 * MiB, 'iso:install.img');
    await writeFile(join(tree, 'README.txt'), 'Bootstick test installer image.\n');
    await run('xorriso', ['-as', 'mkisofs', '-quiet', '-R', '-J', '-V', 'BOOTSTICK_TEST', '-o', image, tree]);
  });
  return image;
}

/** A raw image whose size is not a whole number of 512-byte sectors (3 MiB + 333 bytes). */
export async function buildOddSizedImage(dir: string): Promise<string> {
  const image = join(dir, 'odd-sized.img');
  await writeRandomFile(image, 3 * MiB + 333, 'odd-sized');
  return image;
}

export type Compression = 'xz' | 'gz' | 'bz2' | 'zip';

/**
 * A compressed copy of an image as distributors ship them: writes `<path>.<compression>` next to
 * `path`, keeping the original. A .zip holds the single file under its own name, so keep the
 * image's .img/.iso/.raw extension (etcher-sdk picks the zip entry by extension).
 */
export async function compressImage(path: string, compression: Compression): Promise<string> {
  const output = `${path}.${compression}`;
  switch (compression) {
    case 'xz':
      await run('xz', ['-k', '-f', '-T0', '-0', path]); // -0: fastest; the tests need the format, not the ratio
      break;
    case 'gz':
      await run('gzip', ['-k', '-f', '-1', path]);
      break;
    case 'bz2':
      await run('bzip2', ['-k', '-f', '-1', path]);
      break;
    case 'zip':
      await rm(output, { force: true }); // zip adds to an existing archive
      await run('zip', ['-q', '-j', '-1', output, path]);
      break;
  }
  return output;
}

/** A download cut short: a copy of `path` holding only its first `keepFraction` of bytes, as `truncated-<name>` beside it. */
export async function truncateFile(path: string, keepFraction: number): Promise<string> {
  if (!(keepFraction >= 0 && keepFraction < 1))
    throw new RangeError(`truncateFile: keepFraction ${keepFraction} not in [0, 1)`);
  const output = join(dirname(path), `truncated-${basename(path)}`);
  const { size } = await stat(path);
  await copyFile(path, output);
  await truncate(output, Math.floor(size * keepFraction));
  return output;
}
