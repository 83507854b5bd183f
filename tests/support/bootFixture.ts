import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { addSshServer, DROPBEAR, SSH_INIT, sshTestKey } from './sshFixture';

const run = promisify(execFile);

/**
 * A tiny UEFI-bootable disk image, built here from Debian's parts (never committed):
 * GPT + EFI System partition whose EFI/BOOT/BOOTX64.EFI is a unified kernel image made with
 * objcopy from systemd-boot-efi's linuxx64.efi.stub (the section layout systemd 252's
 * documentation gives), Debian's cloud kernel, and a busybox initramfs. Cached by content.
 *
 * - `login`: prints a getty-like `bootstick-fixture login:` prompt on ttyS0.
 * - `panic`: crashes the kernel through sysrq (the console says "Kernel panic").
 * - `silent`: boots and never prints a prompt.
 * - `writer`: loads virtio-blk, overwrites its disk's last MiB, syncs, then prompts.
 * - `scribbler`: the same write, then no prompt: the VM keeps running for a test to probe it.
 * - `filler`: overwrites the last 16 MiB of its disk, then no prompt (fills an overlay).
 * - `ssh`: brings up its NIC and an SSH server (dropbear) that lets the blueprint user in with the
 *   test key only, then prompts; `bootc` and `systemctl status` are stand-ins (sshFixture.ts).
 */
export type BootFixtureVariant = 'login' | 'panic' | 'silent' | 'writer' | 'scribbler' | 'filler' | 'ssh';

export const STUB = '/usr/lib/systemd/boot/efi/linuxx64.efi.stub';
export const BUSYBOX = '/bin/busybox';
export const CACHE = join(tmpdir(), 'bootstick-boot-fixtures');
export const FIXTURE_SIZE = 64 * 1024 * 1024;
export { exists, sha256 };

/** The ESP starts at sector 2048 (1 MiB) and takes 40 MiB. */
const ESP_OFFSET = 1024 * 1024;
const ESP_SIZE = 40 * 1024 * 1024;

/** Modules virtio-blk needs, in load order (their modinfo `depends=`; Debian's cloud kernel builds them as modules). */
export const BLOCK_MODULES = [
  'kernel/drivers/virtio/virtio_ring.ko',
  'kernel/drivers/virtio/virtio.ko',
  'kernel/drivers/virtio/virtio_pci_legacy_dev.ko',
  'kernel/drivers/virtio/virtio_pci_modern_dev.ko',
  'kernel/drivers/virtio/virtio_pci.ko',
  'kernel/drivers/block/virtio_blk.ko',
];

/** The guest overwrites the last `mib` MiB of its disk with random bytes and says so on the console. */
const writeDisk = (mib: number) => [
  ...BLOCK_MODULES.map((module) => `insmod /modules/${module.split('/').pop()}`),
  'while [ ! -b /dev/vda ]; do sleep 0.1; done',
  'sectors=$(cat /sys/block/vda/size)',
  `dd if=/dev/urandom of=/dev/vda bs=512 seek=$((sectors - ${mib * 2048})) count=${mib * 2048} 2>/dev/null`,
  'sync',
  `echo "bootstick-fixture: wrote ${mib} MiB to /dev/vda"`,
];
const WRITE_DISK = writeDisk(1);
const WRITES_DISK: readonly BootFixtureVariant[] = ['writer', 'scribbler', 'filler'];

function initScript(variant: BootFixtureVariant): string {
  const prompt = 'echo; echo "Bootstick test fixture"; printf "bootstick-fixture login: "';
  const body: Record<BootFixtureVariant, string> = {
    login: prompt,
    panic: 'echo "bootstick-fixture: crashing on purpose"; echo c > /proc/sysrq-trigger',
    silent: 'echo "bootstick-fixture: never prompting"',
    writer: [...WRITE_DISK, prompt].join('\n'),
    scribbler: WRITE_DISK.join('\n'),
    filler: writeDisk(16).join('\n'),
    ssh: [...SSH_INIT, prompt].join('\n'),
  };
  return fixtureInit(body[variant]);
}

/** A busybox init that mounts /proc, /sys and /dev, runs `body`, then waits for ever. */
export function fixtureInit(body: string): string {
  return [
    '#!/bin/busybox sh',
    '/bin/busybox mkdir -p /proc /sys /dev /sbin /usr/bin /usr/sbin',
    '/bin/busybox --install -s',
    'mount -t proc proc /proc',
    'mount -t sysfs sysfs /sys',
    'mount -t devtmpfs devtmpfs /dev',
    'echo 1 > /proc/sys/kernel/sysrq',
    body,
    'while true; do sleep 3600; done',
    '',
  ].join('\n');
}

/** The kernel and its modules folder, from Debian's cloud kernel package. */
export async function kernelParts(): Promise<{ vmlinuz: string; modulesDir: string }> {
  const root = join(await kernelTree(), 'root');
  const bootDir = join(root, 'boot');
  const vmlinuz = join(bootDir, (await readdir(bootDir)).find((file) => file.startsWith('vmlinuz-')) ?? '');
  const modulesDir = join(root, 'lib/modules', (await readdir(join(root, 'lib/modules')))[0] ?? '');
  return { vmlinuz, modulesDir };
}

/** What a fixture's UKI is made of, for its cache name: the stub, busybox and the kernel's name. */
export async function ukiCacheParts(): Promise<string[]> {
  const { vmlinuz } = await kernelParts();
  return [vmlinuz, await sha256(STUB), await sha256(BUSYBOX)];
}

/**
 * A gzip'd newc initramfs in `work` (made fresh): `busybox` as /bin/busybox, `init` as /init, an
 * empty /modules, and whatever `addToInitrd` puts into its root.
 */
export async function busyboxInitrd(
  work: string,
  init: string,
  busybox: string,
  addToInitrd?: (initrdRoot: string) => Promise<void>,
): Promise<string> {
  const initrdRoot = join(work, 'initrd');
  await mkdir(join(initrdRoot, 'bin'), { recursive: true });
  await mkdir(join(initrdRoot, 'modules'), { recursive: true });
  await copyFile(busybox, join(initrdRoot, 'bin/busybox'));
  await chmod(join(initrdRoot, 'bin/busybox'), 0o755);
  await writeFile(join(initrdRoot, 'init'), init, { mode: 0o755 });
  await addToInitrd?.(initrdRoot);
  const initrd = join(work, 'initrd.cpio.gz');
  // The host's busybox packs it: cpio's format is the same whatever the archive's architecture.
  await run('sh', [
    '-c',
    `cd "${initrdRoot}" && find . | busybox cpio -o -H newc 2>/dev/null | gzip -9 > "${initrd}"`,
  ]);
  return initrd;
}

/**
 * A unified kernel image in `work` (made fresh): Debian's kernel, a busybox initramfs running
 * `init`, and `cmdline`; with `blockModules`, virtio-blk's modules in /modules for init to load.
 */
export async function buildUki(
  work: string,
  init: string,
  cmdline: string,
  extras: { blockModules: boolean; addToInitrd?: (initrdRoot: string) => Promise<void> },
): Promise<string> {
  const { vmlinuz, modulesDir } = await kernelParts();
  const initrd = await busyboxInitrd(work, init, BUSYBOX, async (initrdRoot) => {
    if (extras.blockModules) {
      for (const module of BLOCK_MODULES) {
        await copyFile(join(modulesDir, module), join(initrdRoot, 'modules', module.split('/').pop() ?? ''));
      }
    }
    await extras.addToInitrd?.(initrdRoot);
  });
  await writeFile(join(work, 'cmdline'), cmdline);
  await writeFile(join(work, 'osrel'), 'NAME="Bootstick test fixture"\nID=bootstick-fixture\n');

  const uki = join(work, 'BOOTX64.EFI');
  await run('objcopy', [
    ...['--add-section', `.osrel=${join(work, 'osrel')}`, '--change-section-vma', '.osrel=0x20000'],
    ...['--add-section', `.cmdline=${join(work, 'cmdline')}`, '--change-section-vma', '.cmdline=0x30000'],
    ...['--add-section', `.linux=${vmlinuz}`, '--change-section-vma', '.linux=0x2000000'],
    ...['--add-section', `.initrd=${initrd}`, '--change-section-vma', '.initrd=0x3000000'],
    STUB,
    uki,
  ]);
  return uki;
}

/** Debian's cloud kernel package, downloaded once into the cache (by its exact name and version). */
async function kernelTree(): Promise<string> {
  const { stdout } = await run('apt-cache', ['depends', 'linux-image-cloud-amd64']);
  const name = /Depends: (linux-image-\S+)/.exec(stdout)?.[1];
  if (!name)
    throw new Error(`boot fixture: apt-cache names no kernel for linux-image-cloud-amd64:\n${stdout}`);
  const dir = join(CACHE, name);
  const done = join(dir, '.extracted');
  if (await exists(done)) return dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const download = () => run('apt-get', ['download', '-qq', name], { cwd: dir });
  await download().catch(async () => {
    await run('apt-get', ['update', '-qq']);
    await download();
  });
  const deb = (await readdir(dir)).find((file) => file.endsWith('.deb'));
  if (!deb) throw new Error(`boot fixture: apt-get download ${name} left no .deb`);
  await run('dpkg-deb', ['-x', join(dir, deb), join(dir, 'root')]);
  await writeFile(done, '');
  return dir;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function sha256(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

/**
 * A FAT file system image of `bytes` at `path` holding `files` (path in it → file here), its
 * folders made as needed; mtools, since this host's kernel mounts no vfat. FAT32 for an ESP (as
 * bib makes them), mkfs.vfat's own choice for the small boot image of an ISO.
 */
export async function fatImage(
  path: string,
  bytes: number,
  format: { label: string; fat32: boolean },
  files: Record<string, string>,
): Promise<void> {
  await run('truncate', ['-s', String(bytes), path]);
  await run('mkfs.vfat', [...(format.fat32 ? ['-F', '32'] : []), '-n', format.label, path]);
  const folders = new Set<string>();
  for (const file of Object.keys(files)) {
    const parts = file.split('/').slice(0, -1);
    for (let depth = 1; depth <= parts.length; depth += 1) folders.add(parts.slice(0, depth).join('/'));
  }
  // Set order is insertion order: a folder always comes after its parent.
  if (folders.size > 0) await run('mmd', ['-i', path, ...[...folders].map((folder) => `::${folder}`)]);
  for (const [file, source] of Object.entries(files)) await run('mcopy', ['-i', path, source, `::${file}`]);
}

/**
 * A FIXTURE_SIZE GPT disk image in `work` whose one partition is an EFI System partition holding
 * `files` (path on the ESP → file here).
 */
export async function espDisk(work: string, files: Record<string, string>): Promise<string> {
  const esp = join(work, 'esp.img');
  await fatImage(esp, ESP_SIZE, { label: 'FIXTURE', fat32: true }, files);

  const disk = join(work, 'disk.img');
  await run('truncate', ['-s', String(FIXTURE_SIZE), disk]);
  await run('sgdisk', ['-n', `1:2048:+${ESP_SIZE / 1024}K`, '-t', '1:ef00', '-c', '1:EFI', disk]);
  await run('dd', [
    `if=${esp}`,
    `of=${disk}`,
    'bs=1M',
    `seek=${ESP_OFFSET / (1024 * 1024)}`,
    'conv=notrunc,sparse',
  ]);
  return disk;
}

/** Builds (or finds in the cache) the fixture image; returns the cached path (treat it as read-only: copy it). */
export async function bootFixture(variant: BootFixtureVariant): Promise<string> {
  const { vmlinuz, modulesDir } = await kernelParts();
  const init = initScript(variant);
  const cmdline = 'console=ttyS0 panic=0 quiet loglevel=3';
  const publicKey = variant === 'ssh' ? (await sshTestKey()).publicKey : '';
  // The SSH fixture also depends on its key, its server and how it is put together (sshFixture.ts);
  // the others keep their cache names.
  const sshParts =
    variant === 'ssh'
      ? [publicKey, await sha256(DROPBEAR), await sha256(join(import.meta.dirname, 'sshFixture.ts'))]
      : [];
  const key = createHash('sha256')
    .update([init, cmdline, vmlinuz, await sha256(STUB), await sha256(BUSYBOX), ...sshParts].join('\0'))
    .digest('hex')
    .slice(0, 16);
  const image = join(CACHE, `fixture-${variant}-${key}.img`);
  if (await exists(image)) return image;

  const work = join(CACHE, `work-${variant}-${process.pid}`);
  await rm(work, { recursive: true, force: true });
  const uki = await buildUki(work, init, cmdline, {
    blockModules: WRITES_DISK.includes(variant),
    addToInitrd:
      variant === 'ssh' ? (initrdRoot) => addSshServer(initrdRoot, modulesDir, publicKey) : undefined,
  });

  const disk = await espDisk(work, { 'EFI/BOOT/BOOTX64.EFI': uki });
  await rename(disk, image);
  await rm(work, { recursive: true, force: true });
  return image;
}
