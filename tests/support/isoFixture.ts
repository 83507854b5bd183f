import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  BLOCK_MODULES,
  buildUki,
  CACHE,
  exists,
  fatImage,
  fixtureInit,
  sha256,
  ukiCacheParts,
} from './bootFixture';

const run = promisify(execFile);

/**
 * A tiny installer ISO in the shape of bib's (anaconda-iso): ISO 9660 with Rock Ridge and Joliet,
 * an El Torito EFI boot image (a FAT image holding EFI/BOOT/BOOTX64.EFI, a UKI whose busybox init
 * plays the installer on ttyS0), the same FAT image appended as a GPT EFI partition so a stick
 * flashed with it boots as a disk too (a hybrid ISO), and for the unattended variants an
 * `osbuild.ks` at its root whose `%post` writes "Install finished" to ttyS0, as bib's test
 * kickstart does. Built here from Debian's parts (never committed), cached by content.
 *
 * - `installer`: prints anaconda's two start lines, then waits (an interactive installer).
 * - `unattended`: the start lines, then "installs": writes its first MiB onto the blank disk (the
 *   virtio disk whose serial is bootstick-blank), syncs, prints "Install finished", powers off.
 * - `unattendedStuck`: the unattended kickstart, anaconda starts, the install never finishes.
 * - `installerSilent`: boots and never reaches the installer.
 */
export type IsoFixtureVariant = 'installer' | 'unattended' | 'unattendedStuck' | 'installerSilent';

export const ANACONDA_LINE = 'anaconda 40.22.3 for Bootstick fixture started.';
/** What the unattended guest says once it wrote the blank disk (before "Install finished"). */
export const INSTALLED_LINE = 'bootstick-fixture: installed onto the blank disk';

const KICKSTART = [
  '# Bootstick test fixture: an unattended install, as bib writes one for automated testing',
  'text',
  'zerombr',
  'clearpart --all --initlabel',
  'autopart',
  'poweroff',
  '%post',
  'echo Install finished > /dev/ttyS0',
  '%end',
  '',
].join('\n');

export const STARTING = ['echo "Starting installer, one moment..."', `echo "${ANACONDA_LINE}"`];

/** Finds the blank disk by the serial the boot test gives it, never by order (a stick is vda). */
const INSTALL = [
  ...BLOCK_MODULES.map((module) => `insmod /modules/${module.split('/').pop()}`),
  'target=',
  'while [ -z "$target" ]; do',
  '  for disk in /sys/block/vd*; do',
  '    [ "$(cat $disk/serial 2>/dev/null)" = bootstick-blank ] && target=/dev/$(basename $disk)',
  '  done',
  '  sleep 0.1',
  'done',
  'dd if=/dev/urandom of=$target bs=1M count=1 2>/dev/null',
  'sync',
  `echo "${INSTALLED_LINE} ($target)"`,
  'echo "Install finished"',
  'poweroff -f',
];

function initBody(variant: IsoFixtureVariant): string {
  const body: Record<IsoFixtureVariant, string[]> = {
    installer: STARTING,
    unattended: [...STARTING, ...INSTALL],
    unattendedStuck: [...STARTING, 'echo "bootstick-fixture: the install never finishes"'],
    installerSilent: ['echo "bootstick-fixture: never reaching the installer"'],
  };
  return fixtureInit(body[variant].join('\n'));
}

const hasKickstart = (variant: IsoFixtureVariant) =>
  variant === 'unattended' || variant === 'unattendedStuck';

/** Room for `files` in a FAT image, and 2 MiB for the file system itself, in whole MiB. */
export async function fatBytesFor(files: string[]): Promise<number> {
  let bytes = 0;
  for (const file of files) bytes += (await stat(file)).size;
  return (Math.ceil(bytes / (1024 * 1024)) + 2) * 1024 * 1024;
}

/**
 * A hybrid ISO at `out` of `tree`, as bib's are laid out: `efiboot` (a FAT image) goes in once, as
 * GPT partition 2, and El Torito's EFI entry points at it, so it boots as a CD and as a disk.
 */
export async function hybridIso(out: string, efiboot: string, tree: string): Promise<string> {
  await run('xorriso', [
    ...['-as', 'mkisofs', '-quiet', '-R', '-J', '-V', 'BOOTSTICK_FIXTURE', '-o', out],
    ...['-append_partition', '2', 'C12A7328-F81F-11D2-BA4B-00A0C93EC93B', efiboot, '-appended_part_as_gpt'],
    ...['-e', '--interval:appended_partition_2:all::', '-no-emul-boot'],
    tree,
  ]);
  return out;
}

/** Builds (or finds in the cache) the fixture ISO; returns the cached path (treat it as read-only: copy it). */
export async function isoFixture(variant: IsoFixtureVariant): Promise<string> {
  const init = initBody(variant);
  // Like bib's ISO kernel arguments: the installer's console on ttyS0.
  const cmdline = 'console=ttyS0 panic=0 quiet loglevel=3';
  const key = createHash('sha256')
    .update([init, cmdline, hasKickstart(variant) ? KICKSTART : '', ...(await ukiCacheParts())].join('\0'))
    .update(await sha256(import.meta.filename))
    .digest('hex')
    .slice(0, 16);
  const iso = join(CACHE, `fixture-${variant}-${key}.iso`);
  if (await exists(iso)) return iso;

  const work = join(CACHE, `work-iso-${variant}-${process.pid}`);
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const uki = await buildUki(work, init, cmdline, { blockModules: variant === 'unattended' });

  // The EFI boot image: a FAT file system just big enough for the UKI.
  const efiboot = join(work, 'efiboot.img');
  await fatImage(
    efiboot,
    await fatBytesFor([uki]),
    { label: 'EFIBOOT', fat32: false },
    {
      'EFI/BOOT/BOOTX64.EFI': uki,
    },
  );

  const tree = join(work, 'tree');
  await mkdir(tree);
  await writeFile(join(tree, 'README.txt'), 'Bootstick test fixture: an installer ISO.\n');
  if (hasKickstart(variant)) await writeFile(join(tree, 'osbuild.ks'), KICKSTART);
  const out = await hybridIso(join(work, 'fixture.iso'), efiboot, tree);
  await rename(out, iso);
  await rm(work, { recursive: true, force: true });
  return iso;
}
