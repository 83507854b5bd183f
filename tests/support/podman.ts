import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The containers.conf rootful podman needs on the CI host (runc, cgroupfs, rlimits within the host's
 * hard limits; see tests/fixtures/podman/containers.conf). Tests point CONTAINERS_CONF at it; the app's
 * own podman command line stays the documented one.
 */
export const CONTAINERS_CONF = join(import.meta.dirname, '../fixtures/podman/containers.conf');

export function podmanEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...base, CONTAINERS_CONF };
}

/** Runs podman with the test containers.conf; a failure carries podman's stderr in its message. */
export async function podman(
  args: string[],
  options: { timeoutMs?: number } = {},
): Promise<{ stdout: string; stderr: string }> {
  try {
    return await run('podman', args, {
      env: podmanEnv(),
      maxBuffer: 64 * 1024 * 1024,
      timeout: options.timeoutMs ?? 120_000,
    });
  } catch (error) {
    const failed = error as Error & { stderr?: string; code?: number | string };
    throw new Error(
      `podman ${args.join(' ')} failed (${failed.code}): ${failed.stderr?.trim() || failed.message}`,
      {
        cause: error,
      },
    );
  }
}

/** Whether rootful podman can be used here: the binary answers and we are root. */
export async function hasPodman(): Promise<boolean> {
  if (process.getuid?.() !== 0) return false;
  try {
    await run('podman', ['--version'], { env: podmanEnv() });
    return true;
  } catch {
    return false;
  }
}

/** Say plainly why podman-based tests cannot run, instead of failing somewhere inside podman. */
export async function requirePodman(): Promise<void> {
  if (process.getuid?.() !== 0) {
    throw new Error('These tests run rootful podman and must run as root (CI does). Run `sudo npm test`.');
  }
  if (!(await hasPodman())) {
    throw new Error(
      'podman is not installed. Install the test system packages with `sudo scripts/install-system-deps.sh` ' +
        '(podman, runc, busybox-static).',
    );
  }
}

export async function imageExists(ref: string): Promise<boolean> {
  try {
    await run('podman', ['image', 'exists', ref], { env: podmanEnv() });
    return true;
  } catch {
    return false;
  }
}

/** A label of a local image, or undefined when the image or the label is missing. */
export async function imageLabel(ref: string, key: string): Promise<string | undefined> {
  if (!(await imageExists(ref))) return undefined;
  const { stdout } = await podman(['image', 'inspect', '--format', '{{json .Labels}}', ref]);
  const labels = JSON.parse(stdout.trim() || 'null') as Record<string, string> | null;
  return labels?.[key];
}

/**
 * The label a test fixture image carries: the hash of everything it was built from, so an
 * unchanged fixture is reused and a changed one is rebuilt.
 */
export const FIXTURE_HASH_LABEL = 'bootstick.test.fixture-hash';

/** Whether `ref` exists and was built from exactly what `hash` covers. */
export async function isFixtureCurrent(ref: string, hash: string): Promise<boolean> {
  return (await imageLabel(ref, FIXTURE_HASH_LABEL)) === hash;
}

/** Builds a fixture image from a context folder, offline, labelled with the hash of its inputs. */
export async function buildFixtureImage(
  dir: string,
  ref: string,
  hash: string,
  extraArgs: string[] = [],
  timeoutMs?: number,
): Promise<void> {
  await podman(
    [
      'build',
      '--pull=never',
      '--layers=false',
      ...extraArgs,
      '--label',
      `${FIXTURE_HASH_LABEL}=${hash}`,
      '-t',
      ref,
      dir,
    ],
    timeoutMs === undefined ? {} : { timeoutMs },
  );
}

export async function imageId(ref: string): Promise<string | undefined> {
  if (!(await imageExists(ref))) return undefined;
  const { stdout } = await podman(['image', 'inspect', '--format', '{{.Id}}', ref]);
  return stdout.trim();
}
