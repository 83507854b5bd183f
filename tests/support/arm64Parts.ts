import { execFile } from 'node:child_process';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CACHE, exists } from './bootFixture';

const run = promisify(execFile);

/**
 * Debian's arm64 packages the arm64 boot fixture is made of, fetched with an apt of its own: the
 * host's sources (its mirror, its keys), but arm64 as the only architecture and package lists,
 * cache and dpkg status in a folder under the fixture cache. The host's apt and dpkg are never
 * touched (no `dpkg --add-architecture`, nothing installed), and it can be run again at will.
 */
const APT_ROOT = join(CACHE, 'arm64-apt');
const APT_OPTIONS = [
  ...['-o', 'APT::Architecture=arm64', '-o', 'APT::Architectures::=arm64'],
  ...['-o', `Dir::State::Lists=${join(APT_ROOT, 'lists')}`],
  ...['-o', `Dir::Cache=${join(APT_ROOT, 'cache')}`],
  ...['-o', `Dir::State::status=${join(APT_ROOT, 'status')}`],
];

/** The kernel's meta package names the versioned one, which is downloaded by its exact name. */
const KERNEL_META = 'linux-image-cloud-arm64';
export const ARM64_PACKAGES = [KERNEL_META, 'busybox-static', 'systemd-boot-efi'] as const;

export interface Arm64Parts {
  /** The kernel's EFI-stub Image (Debian's arm64 vmlinuz is an uncompressed PE, no zboot). */
  vmlinuz: string;
  /** systemd-boot for arm64: EFI/BOOT/BOOTAA64.EFI of the fixture. */
  systemdBoot: string;
  /** A static arm64 busybox: the fixture's whole userland. */
  busybox: string;
  /** The exact packages they came from (name_version), for the fixture's cache name. */
  packages: string[];
}

async function apt(tool: 'apt-get' | 'apt-cache', args: string[], cwd?: string) {
  return run(tool, [...APT_OPTIONS, ...args], { cwd, maxBuffer: 16 * 1024 * 1024 });
}

/** Written only once an update succeeded: a failed or interrupted one is tried again next time. */
const UPDATED = join(APT_ROOT, '.updated');

async function updateLists(): Promise<void> {
  await rm(UPDATED, { force: true });
  await mkdir(join(APT_ROOT, 'lists/partial'), { recursive: true });
  await mkdir(join(APT_ROOT, 'cache/archives/partial'), { recursive: true });
  await writeFile(join(APT_ROOT, 'status'), '');
  await apt('apt-get', ['update', '-qq']);
  await writeFile(UPDATED, '');
}

/** The versioned kernel package the meta package depends on, from the arm64 lists. */
async function kernelPackage(): Promise<string> {
  const { stdout } = await apt('apt-cache', ['depends', KERNEL_META]);
  const name = /Depends: (linux-image-\S+)/.exec(stdout)?.[1];
  if (!name) throw new Error(`arm64 boot fixture: apt-cache names no kernel for ${KERNEL_META}:\n${stdout}`);
  return name;
}

/**
 * Downloads (once: kept by the packages' exact names) and unpacks the arm64 parts. Anything missing
 * is an error that says what and why: a test needing an arm64 image must fail, never skip, in CI.
 */
export async function arm64Parts(): Promise<Arm64Parts> {
  if (!(await exists(UPDATED))) await updateLists().catch(listsError);
  // Lists that name no kernel (cut short, or from before a kernel left the mirror): fetched anew once.
  let packages = await listedPackages().catch(async () => {
    await updateLists().catch(listsError);
    return listedPackages();
  });
  if (!(await exists(join(folderOf(packages), '.extracted')))) {
    await fetchInto(folderOf(packages), packages).catch(async () => {
      // Lists go stale as Debian moves on (an old kernel version leaves the mirror): fetch anew once.
      await updateLists().catch(listsError);
      packages = await listedPackages();
      await fetchInto(folderOf(packages), packages);
    });
  }
  const dir = folderOf(packages);
  const root = join(dir, 'root');
  const bootDir = join(root, 'boot');
  const vmlinuz = (await readdir(bootDir)).find((file) => file.startsWith('vmlinuz-'));
  if (!vmlinuz) throw new Error(`arm64 boot fixture: ${packages[0]} holds no /boot/vmlinuz-*`);
  const debs = (await readdir(dir)).filter((file) => file.endsWith('.deb')).sort();
  return {
    vmlinuz: join(bootDir, vmlinuz),
    systemdBoot: join(root, 'usr/lib/systemd/boot/efi/systemd-bootaa64.efi'),
    busybox: join(root, 'bin/busybox'),
    packages: debs,
  };
}

function listsError(error: Error): never {
  throw new Error(
    `arm64 boot fixture: the arm64 package lists could not be fetched from this host's Debian sources (${error.message.trim()})`,
  );
}

/** The packages to download, by the kernel's exact name (its folder in the cache is named after it). */
async function listedPackages(): Promise<string[]> {
  return [await kernelPackage(), ...ARM64_PACKAGES.filter((name) => name !== KERNEL_META)];
}

const folderOf = (packages: string[]) => join(CACHE, `arm64-${packages[0]}`);

/** Downloads the packages into a folder of this process's own, unpacks them, then moves it into place. */
async function fetchInto(dir: string, packages: string[]): Promise<void> {
  const work = `${dir}.${process.pid}`;
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  await apt('apt-get', ['download', '-qq', ...packages], work).catch((error: Error) => {
    throw new Error(
      `arm64 boot fixture: could not download ${packages.join(', ')} (arm64) from this host's Debian sources: ${error.message.trim()}`,
    );
  });
  for (const deb of (await readdir(work)).filter((file) => file.endsWith('.deb'))) {
    await run('dpkg-deb', ['-x', join(work, deb), join(work, 'root')]);
  }
  // The arm64 fixtures load no modules (they run from their initramfs; PL011 is built in): ~80 MB less kept.
  await rm(join(work, 'root/lib/modules'), { recursive: true, force: true });
  await writeFile(join(work, '.extracted'), '');
  // Only a finished folder is ever renamed into place, so one that is there is whole.
  await rename(work, dir).catch(async (error: NodeJS.ErrnoException) => {
    // Another test file fetched the same at the same time: theirs is as good.
    if (!(await exists(join(dir, '.extracted')))) throw error;
    await rm(work, { recursive: true, force: true });
  });
}
