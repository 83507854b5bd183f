import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { podman } from './podman';
import { ensureSourceImage } from './podmanFixtures';

/**
 * Two versions of a tiny bootc image for the update tests, built in root's storage under names
 * unique to one test run: v1 is the fixture source image, v2 is v1 plus one `RUN` that adds a
 * file (one new layer, as `RUN dnf install -y curl` would add). `flat` builds one-layer images
 * (FROM scratch + one COPY) whose every version differs in its only layer. `remove()` drops them.
 */
export interface UpdateImages {
  v1: string;
  v2: string;
  flat1: string;
  flat2: string;
  remove(): Promise<void>;
}

async function buildFrom(dir: string, tag: string, containerfile: string): Promise<void> {
  await writeFile(join(dir, 'Containerfile'), containerfile);
  await podman(['build', '--quiet', '--tag', tag, dir], { timeoutMs: 300_000 });
}

export async function buildUpdateImages(): Promise<UpdateImages> {
  const run = randomBytes(4).toString('hex');
  const base = await ensureSourceImage('bootc');
  const names = {
    v1: `localhost/bootstick-test/update-${run}:1`,
    v2: `localhost/bootstick-test/update-${run}:2`,
    flat1: `localhost/bootstick-test/update-flat-${run}:1`,
    flat2: `localhost/bootstick-test/update-flat-${run}:2`,
  };
  const dir = await mkdtemp(join(tmpdir(), 'bootstick-update-images-'));
  try {
    await podman(['tag', base, names.v1]);
    await buildFrom(
      dir,
      names.v2,
      `FROM ${names.v1}\nRUN echo "version 2 of ${run}" > /etc/bootstick-update\n`,
    );
    await mkdir(join(dir, 'rootfs/etc'), { recursive: true });
    for (const [version, tag] of [
      [1, names.flat1],
      [2, names.flat2],
    ] as const) {
      await writeFile(join(dir, 'rootfs/etc/os-release'), `NAME="Flat ${run}"\nVERSION_ID=${version}\n`);
      await buildFrom(dir, tag, 'FROM scratch\nCOPY rootfs/ /\nLABEL containers.bootc=1\n');
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return {
    ...names,
    async remove() {
      await podman(['rmi', '--ignore', ...Object.values(names)]).catch(() => {});
    },
  };
}

/**
 * A podman storage of its own (`--root`/`--runroot` in a temporary folder, vfs): a second host's
 * store, which holds only what was pulled into it.
 */
export interface SeparateStorage {
  podman(args: string[]): Promise<{ stdout: string; stderr: string }>;
  remove(): Promise<void>;
}

export async function separateStorage(): Promise<SeparateStorage> {
  const dir = await mkdtemp(join(tmpdir(), 'bootstick-second-host-'));
  const flags = ['--root', join(dir, 'root'), '--runroot', join(dir, 'run'), '--storage-driver', 'vfs'];
  return {
    podman: (args) => podman([...flags, ...args], { timeoutMs: 300_000 }),
    async remove() {
      await podman([...flags, 'rmi', '--all', '--force']).catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}
