import { copyFile, cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  dropReplaced,
  ensureBusyboxBase,
  ensureNodeRuntime,
  once,
  pruneOlderTags,
  REPOSITORY,
  sha256,
  withTempDir,
} from './baseImages';
import { buildFixtureImage, imageId, isFixtureCurrent } from './podman';

export { ensureBusyboxBase } from './baseImages';
export { hasPodman, podmanEnv, requirePodman } from './podman';

/**
 * Container images for the bib integration tests, built locally because no registry is reachable:
 * the bootc-image-builder stand-in (tests/fixtures/bib-standin, see its README) on a node runtime
 * copied from the host, and small "bootc" source images on busybox. Each is tagged or labelled with a
 * hash of what it is built from, so it is rebuilt only when that changes, and a warm run costs a few
 * `podman image exists` calls.
 */

const STANDIN_DIR = join(import.meta.dirname, '../fixtures/bib-standin');
const SMOL_TOML_DIR = join(import.meta.dirname, '../../node_modules/smol-toml');

export type BibProfile = 'bib' | 'newbib';

/** The stand-in's build context: the fixture files plus smol-toml copied from node_modules. */
async function standinContext(dir: string): Promise<void> {
  await cp(STANDIN_DIR, dir, { recursive: true });
  const vendor = join(dir, 'src/vendor/smol-toml');
  await mkdir(vendor, { recursive: true });
  for (const name of await readdir(join(SMOL_TOML_DIR, 'dist'))) {
    if (name.endsWith('.js')) await copyFile(join(SMOL_TOML_DIR, 'dist', name), join(vendor, name));
  }
  await copyFile(join(SMOL_TOML_DIR, 'LICENSE'), join(vendor, 'LICENSE'));
  // smol-toml's dist is ESM; without this node would load its .js files as CommonJS.
  await writeFile(join(vendor, 'package.json'), '{ "type": "module" }\n');
}

/** Hash of every file in `dir`, by relative path. */
async function treeHash(dir: string): Promise<string> {
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const parts: Array<string | Buffer> = [];
  for (const path of entries) parts.push(path.slice(dir.length), await readFile(path));
  return sha256(parts);
}

/**
 * `localhost/bootstick-test/bib-standin:<profile>-<hash>`: the bootc-image-builder stand-in with the
 * BIB (`--in-vm`, `--no-default-kernel-args`) or NEWBIB (`--seed`) flag set.
 */
export function ensureBibStandin(profile: BibProfile = 'bib'): Promise<string> {
  return once(`standin:${profile}`, async () => {
    const runtime = await ensureNodeRuntime();
    return withTempDir(async (dir) => {
      await standinContext(dir);
      const hash = await sha256([
        await treeHash(dir),
        runtime,
        profile,
        await readFile(import.meta.filename),
      ]);
      const ref = `${REPOSITORY}/bib-standin:${profile}-${hash.slice(0, 12)}`;
      if (await imageId(ref)) return ref;
      await buildFixtureImage(
        dir,
        ref,
        hash,
        [
          '--build-arg',
          `RUNTIME=${runtime}`,
          '--build-arg',
          `PROFILE=${profile}`,
          '-f',
          join(dir, 'Containerfile'),
        ],
        300_000,
      );
      await pruneOlderTags(ref, `${profile}-`);
      return ref;
    });
  });
}

export type SourceKind =
  | 'bootc'
  | 'not-bootc'
  | 'no-rootfs'
  | 'fail-no-space'
  | 'fail-selinux'
  | 'fail-osbuild'
  | 'fail-oom';

export interface SourceImageOptions {
  /** Seconds the stand-in spends on a build from this image (label bootstick.standin.pace). */
  pace?: number;
  /** Base disk size for disk.raw, a bib size string such as "4 GiB" (label bootstick.standin.disk-size). */
  diskSize?: string;
  /** The image's default root filesystem (/usr/lib/bootc/install/00-rootfs.toml); default xfs. */
  rootfs?: 'xfs' | 'ext4' | 'btrfs';
  /** The tag; default `latest` without options, a hash of the options otherwise. */
  tag?: string;
  /**
   * An image for another architecture (podman build --arch, FROM scratch: nothing in it runs,
   * the stand-in only reads its labels and files), as a registry's arm64 variant would be.
   */
  arch?: 'arm64';
}

/**
 * `localhost/bootstick-test/source-<kind>:<tag>`: a tiny image bib would take for a bootc image (label
 * containers.bootc=1, a default root filesystem in /usr/lib/bootc/install), or one that is deliberately
 * wrong, or one whose labels make the stand-in fail the way bib fails (bootstick.standin.fail).
 */
export function ensureSourceImage(kind: SourceKind, options: SourceImageOptions = {}): Promise<string> {
  const { tag, ...knobs } = options;
  const optionsKey = JSON.stringify(knobs);
  return once(`source:${kind}:${tag}:${optionsKey}`, async () => {
    const base = await ensureBusyboxBase();
    const labels: string[] = [];
    if (kind !== 'not-bootc') labels.push('containers.bootc=1');
    if (kind.startsWith('fail-')) labels.push(`bootstick.standin.fail=${kind.slice('fail-'.length)}`);
    if (knobs.pace !== undefined) labels.push(`bootstick.standin.pace=${knobs.pace}`);
    if (knobs.diskSize !== undefined) labels.push(`bootstick.standin.disk-size="${knobs.diskSize}"`);
    const rootfsToml =
      kind === 'no-rootfs' ? undefined : `[install.filesystem.root]\ntype = "${knobs.rootfs ?? 'xfs'}"\n`;
    const osRelease = 'NAME="Bootstick Test OS"\nID=bootstick-test\nVERSION_ID=1\n';
    const containerfile = [
      knobs.arch ? 'FROM scratch' : `FROM ${base}`,
      'COPY rootfs/ /',
      ...(labels.length > 0 ? [`LABEL ${labels.join(' ')}`] : []),
      '',
    ].join('\n');
    const hash = await sha256([containerfile, rootfsToml ?? '', osRelease]);
    const chosenTag = tag ?? (optionsKey === '{}' ? 'latest' : `o-${hash.slice(0, 12)}`);
    const ref = `${REPOSITORY}/source-${kind}:${chosenTag}`;
    if (await isFixtureCurrent(ref, hash)) return ref;
    const previous = await imageId(ref);
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'rootfs/etc'), { recursive: true });
      await writeFile(join(dir, 'rootfs/etc/os-release'), osRelease);
      if (rootfsToml) {
        await mkdir(join(dir, 'rootfs/usr/lib/bootc/install'), { recursive: true });
        await writeFile(join(dir, 'rootfs/usr/lib/bootc/install/00-rootfs.toml'), rootfsToml);
      }
      await writeFile(join(dir, 'Containerfile'), containerfile);
      await buildFixtureImage(dir, ref, hash, knobs.arch ? ['--arch', knobs.arch] : []);
    });
    await dropReplaced(previous, ref);
    return ref;
  });
}
