import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { arm64Parts } from './arm64Parts';
import { busyboxInitrd, CACHE, espDisk, exists, fatImage, fixtureInit, sha256 } from './bootFixture';
import { fatBytesFor, hybridIso, STARTING } from './isoFixture';

/**
 * A tiny UEFI-bootable arm64 disk image, built here from Debian's arm64 parts (never committed):
 * GPT + EFI System partition with systemd-boot as EFI/BOOT/BOOTAA64.EFI (the only loader, so the
 * boot test takes it for an arm64 image) and a Boot Loader Specification entry that starts
 * Debian's arm64 cloud kernel with a busybox initramfs. A loader and an entry rather than a
 * unified kernel image: the host's objcopy does not write arm64 PE files. systemd-boot hands the
 * initramfs to the kernel's EFI stub itself (its LoadFile2 protocol), so the kernel needs no
 * `initrd=` path. Its console is the virt machine's PL011 UART (ttyAMA0), where it prints the
 * same `bootstick-fixture login:` prompt as the x86-64 fixture. Cached by what it is made of
 * (and by this file: how).
 */
const CMDLINE = 'console=ttyAMA0 panic=0 quiet loglevel=3';
const ENTRY = [
  'title Bootstick arm64 test fixture',
  'linux /vmlinuz',
  'initrd /initrd.gz',
  `options ${CMDLINE}`,
  '',
].join('\n');
/** No menu: the one entry boots at once. */
const LOADER_CONF = 'timeout 0\ndefault fixture.conf\n';
const INIT = fixtureInit('echo; echo "Bootstick test fixture"; printf "bootstick-fixture login: "');

/** Installer-like: the two lines anaconda prints when it starts, then it waits (an interactive installer). */
const INSTALLER_INIT = fixtureInit(STARTING.join('\n'));

/** What the fixture's boot FAT holds: systemd-boot, its entry, Debian's arm64 kernel and `init` in an initramfs. */
async function bootFiles(work: string, init: string): Promise<Record<string, string>> {
  const parts = await arm64Parts();
  const initrd = await busyboxInitrd(work, init, parts.busybox);
  await writeFile(join(work, 'fixture.conf'), ENTRY);
  await writeFile(join(work, 'loader.conf'), LOADER_CONF);
  return {
    'EFI/BOOT/BOOTAA64.EFI': parts.systemdBoot,
    'loader/loader.conf': join(work, 'loader.conf'),
    'loader/entries/fixture.conf': join(work, 'fixture.conf'),
    vmlinuz: parts.vmlinuz,
    'initrd.gz': initrd,
  };
}

/** The cache name of a fixture of `kind` with `init`: what it is made of, and how (this file). */
async function cached(kind: string, init: string, extension: string): Promise<string> {
  const parts = await arm64Parts();
  const key = createHash('sha256')
    .update([init, ENTRY, LOADER_CONF, ...parts.packages].join('\0'))
    .update(await sha256(import.meta.filename))
    .digest('hex')
    .slice(0, 16);
  return join(CACHE, `fixture-arm64-${kind}-${key}.${extension}`);
}

/** Builds (or finds in the cache) the arm64 fixture disk image; returns the cached path (read-only: copy it). */
export async function arm64BootFixture(): Promise<string> {
  const image = await cached('login', INIT, 'img');
  if (await exists(image)) return image;
  const work = join(CACHE, `work-arm64-${process.pid}`);
  await rm(work, { recursive: true, force: true });
  const disk = await espDisk(work, await bootFiles(work, INIT));
  await rename(disk, image);
  await rm(work, { recursive: true, force: true });
  return image;
}

/**
 * The same parts as an installer ISO in the shape of bib's arm64 anaconda-iso (a hybrid ISO whose
 * El Torito EFI image is also its GPT EFI partition), whose init plays anaconda starting on
 * ttyAMA0: the arm64 counterpart of isoFixture('installer').
 */
export async function arm64IsoFixture(): Promise<string> {
  const iso = await cached('installer', INSTALLER_INIT, 'iso');
  if (await exists(iso)) return iso;
  const work = join(CACHE, `work-arm64-iso-${process.pid}`);
  await rm(work, { recursive: true, force: true });
  await mkdir(join(work, 'tree'), { recursive: true });
  const files = await bootFiles(work, INSTALLER_INIT);
  const efiboot = join(work, 'efiboot.img');
  await fatImage(efiboot, await fatBytesFor(Object.values(files)), { label: 'EFIBOOT', fat32: false }, files);
  await writeFile(join(work, 'tree/README.txt'), 'Bootstick test fixture: an arm64 installer ISO.\n');
  const out = await hybridIso(join(work, 'fixture.iso'), efiboot, join(work, 'tree'));
  await rename(out, iso);
  await rm(work, { recursive: true, force: true });
  return iso;
}
