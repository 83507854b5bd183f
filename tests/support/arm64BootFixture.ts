import { createHash } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { arm64Parts } from './arm64Parts';
import { busyboxInitrd, CACHE, espDisk, exists, fixtureInit } from './bootFixture';

/**
 * A tiny UEFI-bootable arm64 disk image, built here from Debian's arm64 parts (never committed):
 * GPT + EFI System partition with systemd-boot as EFI/BOOT/BOOTAA64.EFI (the only loader, so the
 * boot test takes it for an arm64 image) and a Boot Loader Specification entry that starts
 * Debian's arm64 cloud kernel with a busybox initramfs. A loader and an entry rather than a
 * unified kernel image: the host's objcopy does not write arm64 PE files. systemd-boot hands the
 * initramfs to the kernel's EFI stub itself (its LoadFile2 protocol), so the kernel needs no
 * `initrd=` path. Its console is the virt machine's PL011 UART (ttyAMA0), where it prints the
 * same `bootstick-fixture login:` prompt as the x86-64 fixture. Cached by what it is made of.
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

/** Builds (or finds in the cache) the arm64 fixture image; returns the cached path (read-only: copy it). */
export async function arm64BootFixture(): Promise<string> {
  const parts = await arm64Parts();
  const key = createHash('sha256')
    .update([INIT, ENTRY, LOADER_CONF, ...parts.packages].join('\0'))
    .digest('hex')
    .slice(0, 16);
  const image = join(CACHE, `fixture-arm64-login-${key}.img`);
  if (await exists(image)) return image;

  const work = join(CACHE, `work-arm64-${process.pid}`);
  await rm(work, { recursive: true, force: true });
  const initrd = await busyboxInitrd(work, INIT, parts.busybox);
  await writeFile(join(work, 'fixture.conf'), ENTRY);
  await writeFile(join(work, 'loader.conf'), LOADER_CONF);
  const disk = await espDisk(work, {
    'EFI/BOOT/BOOTAA64.EFI': parts.systemdBoot,
    'loader/loader.conf': join(work, 'loader.conf'),
    'loader/entries/fixture.conf': join(work, 'fixture.conf'),
    vmlinuz: parts.vmlinuz,
    'initrd.gz': initrd,
  });
  await rename(disk, image);
  await rm(work, { recursive: true, force: true });
  return image;
}
