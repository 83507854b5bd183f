import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { imageId, podman } from './podman';

/**
 * The base images of the podman test fixtures, imported from the host because no registry is
 * reachable: busybox-static alone (the base of the test source images) and busybox plus the host's
 * node (the runtime of the bootc-image-builder stand-in). Shared helpers for podmanFixtures.ts live
 * here too.
 */

const run = promisify(execFile);
export const REPOSITORY = 'localhost/bootstick-test';
export async function sha256(parts: Array<string | Buffer>): Promise<string> {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** Builds once per process even when several tests ask at the same time. */
const pending = new Map<string, Promise<string>>();
export function once(key: string, build: () => Promise<string>): Promise<string> {
  let promise = pending.get(key);
  if (!promise) {
    promise = build();
    pending.set(key, promise);
    promise.catch(() => pending.delete(key));
  }
  return promise;
}

export async function withTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'bootstick-podman-'));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Removes the image a tag pointed to before a rebuild, unless something still uses it. */
export async function dropReplaced(previousId: string | undefined, ref: string): Promise<void> {
  if (previousId && previousId !== (await imageId(ref))) {
    await podman(['rmi', previousId]).catch(() => {});
  }
}

/**
 * Removes older tags of a fixture image (`<repository>:<prefix>*` other than `keep`), so rebuilding
 * after a change does not pile up 100 MB runtimes. An image something still uses stays.
 */
export async function pruneOlderTags(keep: string, prefix = ''): Promise<void> {
  const repository = keep.slice(0, keep.lastIndexOf(':'));
  const { stdout } = await podman([
    'images',
    '--format',
    '{{.Repository}}:{{.Tag}}',
    '--filter',
    `reference=${repository}`,
  ]);
  for (const ref of stdout.split('\n').filter(Boolean)) {
    const tag = ref.slice(repository.length + 1);
    if (ref !== keep && ref.startsWith(`${repository}:`) && tag.startsWith(prefix)) {
      await podman(['rmi', ref]).catch(() => {});
    }
  }
}

/** /bin/busybox from busybox-static: it must not need a dynamic loader inside the image. */
async function busyboxBinary(): Promise<string> {
  const path = '/bin/busybox';
  const dynamic = await run('ldd', [path]).then(
    () => true,
    () => false,
  );
  if (!(await stat(path).catch(() => undefined)) || dynamic) {
    throw new Error('busybox-static is not installed. Run `sudo scripts/install-system-deps.sh`.');
  }
  return path;
}

/** A minimal root filesystem: busybox with a symlink per applet, /etc/passwd, the usual directories. */
async function busyboxRootfs(root: string): Promise<void> {
  const busybox = await busyboxBinary();
  for (const dir of [
    'bin',
    'sbin',
    'usr/bin',
    'usr/sbin',
    'etc',
    'root',
    'tmp',
    'var/tmp',
    'proc',
    'sys',
    'dev',
    'run',
  ]) {
    await mkdir(join(root, dir), { recursive: true });
  }
  await chmod(join(root, 'tmp'), 0o1777);
  await copyFile(busybox, join(root, 'bin/busybox'));
  await chmod(join(root, 'bin/busybox'), 0o755);
  const { stdout } = await run(busybox, ['--list-full']);
  for (const applet of stdout.split('\n').filter(Boolean)) {
    if (applet === 'bin/busybox') continue;
    await symlink('/bin/busybox', join(root, applet)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
  await writeFile(join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
  await writeFile(join(root, 'etc/group'), 'root:x:0:\n');
}

async function importRootfs(root: string, ref: string, changes: string[]): Promise<void> {
  const tarball = `${root}.tar`;
  await run('tar', ['--numeric-owner', '-C', root, '-cf', tarball, '.']);
  await podman(['import', ...changes.flatMap((change) => ['--change', change]), tarball, ref]);
}

/** `localhost/bootstick-test/busybox:<hash>`: the base of every test image (no registry needed). */
export function ensureBusyboxBase(): Promise<string> {
  return once('busybox', async () => {
    const hash = await sha256([await readFile(await busyboxBinary()), await readFile(import.meta.filename)]);
    const ref = `${REPOSITORY}/busybox:${hash.slice(0, 12)}`;
    if (await imageId(ref)) return ref;
    await withTempDir(async (dir) => {
      await busyboxRootfs(join(dir, 'rootfs'));
      await importRootfs(join(dir, 'rootfs'), ref, [
        'CMD ["/bin/sh"]',
        'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin',
      ]);
    });
    await pruneOlderTags(ref);
    return ref;
  });
}

/** The host's node binary and the shared libraries `ldd` says it loads, at their real paths. */
async function nodeFiles(): Promise<string[]> {
  const node = process.execPath;
  const { stdout } = await run('ldd', [node]);
  const libraries = [...stdout.matchAll(/(\/\S+) \(0x/g)].map((match) => match[1] as string);
  return [node, ...libraries];
}

/** busybox + the host's node: the runtime the stand-in (plain JS) runs on. */
export function ensureNodeRuntime(): Promise<string> {
  return once('node-runtime', async () => {
    const files = await nodeFiles();
    const facts = await Promise.all(
      files.map(async (file) => `${file}:${(await stat(file)).size}:${(await stat(file)).mtimeMs}`),
    );
    const hash = await sha256([
      ...facts,
      await readFile(await busyboxBinary()),
      await readFile(import.meta.filename),
    ]);
    const ref = `${REPOSITORY}/node-runtime:${hash.slice(0, 12)}`;
    if (await imageId(ref)) return ref;
    await withTempDir(async (dir) => {
      const root = join(dir, 'rootfs');
      await busyboxRootfs(root);
      for (const [index, file] of files.entries()) {
        // node itself goes to /usr/bin/node (the stand-in's shebang); libraries keep their paths for the loader.
        const target = join(root, index === 0 ? 'usr/bin/node' : file);
        await mkdir(dirname(target), { recursive: true });
        await copyFile(file, target);
        await chmod(target, 0o755);
      }
      await importRootfs(root, ref, ['CMD ["/usr/bin/node"]', 'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin']);
    });
    await pruneOlderTags(ref);
    return ref;
  });
}
