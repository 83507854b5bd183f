import { readdir, readFile } from 'node:fs/promises';
import { execa } from 'execa';

/** How often a cancelled build's new step is looked for (and stopped). */
const TICK_MS = 100;
/** How long podman gets to fail the stopped step and clean up before it is terminated. */
const GRACE_MS = 5_000;

/**
 * Stops a running `podman build` without leaving anything behind. Terminating podman itself is the
 * wrong tool: it dies at once and leaves its buildah working containers in root's storage and the
 * RUN step's processes running, orphaned. Killing the RUN step's processes instead makes podman
 * fail that step the ordinary way, and `--force-rm` then removes its own working containers. A
 * build between steps (pulling a base image, copying the context) gets its next step stopped as it
 * starts, and is terminated after a grace period; then the working containers it made are removed.
 */
export function createBuildStopper(
  child: {
    pid?: number | undefined;
    kill(signal: NodeJS.Signals): boolean;
    once(event: 'exit', listener: () => void): unknown;
  },
  containerfileText: string,
) {
  const startedAt = Date.now();
  let cancelled = false;
  let terminated = false;
  // Once podman is gone its pid may belong to another process: nothing is killed after that.
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  let ticker: NodeJS.Timeout | undefined;
  let grace: NodeJS.Timeout | undefined;
  return {
    get cancelled() {
      return cancelled;
    },
    stop(): void {
      if (cancelled || exited) return;
      cancelled = true;
      const pid = child.pid;
      if (pid === undefined) return;
      const tick = () => {
        if (!exited) void killStepProcesses(pid);
      };
      tick();
      ticker = setInterval(tick, TICK_MS);
      grace = setTimeout(() => {
        terminated = true;
        child.kill('SIGTERM');
      }, GRACE_MS);
    },
    /** Once podman has exited: stops the timers, and removes what a terminated podman left. */
    async finished(): Promise<void> {
      exited = true;
      clearInterval(ticker);
      clearTimeout(grace);
      if (terminated) await removeWorkingContainersSince(startedAt, workingContainerStems(containerfileText));
    },
  };
}

/** Parent of every process, from /proc/<pid>/stat (the field after the command's closing paren). */
async function parents(): Promise<Map<number, number[]>> {
  const children = new Map<number, number[]>();
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  await Promise.all(
    pids.map(async (name) => {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => null);
      const ppid = Number(stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!Number.isInteger(ppid)) return;
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    }),
  );
  return children;
}

/**
 * SIGKILL everything below podman's own children: the running step's container (its init takes its
 * PID namespace with it) and whatever it started. podman's direct child, the OCI runtime wrapper,
 * stays, so podman learns the step failed and cleans up.
 */
async function killStepProcesses(podmanPid: number): Promise<void> {
  const children = await parents();
  const below = (pid: number): number[] => (children.get(pid) ?? []).flatMap((c) => [c, ...below(c)]);
  for (const runtime of children.get(podmanPid) ?? []) {
    for (const pid of below(runtime)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}

interface ListedContainer {
  Id: string;
  Names?: string[];
  Command?: string[] | null;
  Created?: number;
}

/**
 * The names buildah gives this Containerfile's working containers: `<image>-working-container`
 * after the last path part of each FROM image (tag and digest dropped), `working-container` for
 * `FROM scratch`, with `-<n>` added when the name is taken.
 */
export function workingContainerStems(containerfileText: string): string[] {
  const stems = new Set<string>();
  for (const line of containerfileText.split('\n')) {
    const words = line.trim().split(/\s+/);
    if (words[0]?.toUpperCase() !== 'FROM') continue;
    const image = words.slice(1).find((word) => !word.startsWith('--'));
    if (!image) continue;
    const last = image.split('/').pop() ?? image;
    const name = last.split('@')[0]?.split(':')[0] ?? last;
    stems.add(name === 'scratch' ? 'working-container' : `${name}-working-container`);
  }
  return [...stems];
}

/**
 * Removes buildah working containers this build created. Used only after podman had to be
 * terminated. They are told apart from podman's own containers and other builds' by being
 * buildah's, created since this build started, and named after this Containerfile's FROM images
 * (and the helper runs one container build at a time, so no other build of its own overlaps).
 */
async function removeWorkingContainersSince(startedAt: number, stems: string[]): Promise<void> {
  const listed = await execa('podman', ['ps', '--all', '--external', '--format', 'json'], {
    reject: false,
    timeout: 30_000,
  });
  if (listed.exitCode !== 0) return;
  const containers = JSON.parse(String(listed.stdout) || '[]') as ListedContainer[];
  const since = Math.floor(startedAt / 1000);
  const ours = containers.filter(
    (container) =>
      (container.Created ?? 0) >= since &&
      container.Command?.[0] === 'buildah' &&
      container.Names?.some((name) =>
        stems.some((stem) => name === stem || new RegExp(`^${escapeRegExp(stem)}-\\d+$`).test(name)),
      ),
  );
  if (ours.length === 0) return;
  await execa('podman', ['rm', '--force', '--ignore', ...ours.map((container) => container.Id)], {
    reject: false,
    timeout: 60_000,
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
