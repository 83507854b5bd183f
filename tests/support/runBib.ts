import { spawn } from 'node:child_process';
import { podmanEnv } from './podman';

/**
 * Runs bib (the real one or the stand-in) the documented way, for the contract tests of the stand-in
 * itself. The app builds its own podman argv (src/helper/diskImages); this helper is not that code and
 * must not become it.
 */

export interface BibRunOptions {
  /** Host directory bound at /output. */
  output?: string;
  /** Host config file bound read-only at /config.toml or /config.json (by its extension). */
  config?: string;
  /** Leave out --privileged (bib must refuse). Default true. */
  privileged?: boolean;
  /** Leave out the host storage bind mount (bib must refuse). Default true. */
  mountStorage?: boolean;
  /** Environment for the bib container (-e), e.g. BOOTSTICK_STANDIN_PACE. */
  env?: Record<string, string>;
  /** Container name, so a test can `podman stop` it. */
  name?: string;
}

export interface BibResult {
  /** podman run's exit status: bib's own (0/1), or 128+N when the container was signalled. */
  code: number | null;
  stdout: string;
  stderr: string;
}

export function bibPodmanArgs(image: string, args: string[], options: BibRunOptions = {}): string[] {
  const podmanArgs = ['run', '--rm'];
  if (options.name) podmanArgs.push('--name', options.name);
  if (options.privileged ?? true) podmanArgs.push('--privileged');
  podmanArgs.push('--pull=newer', '--security-opt', 'label=type:unconfined_t');
  if (options.mountStorage ?? true) {
    podmanArgs.push('-v', '/var/lib/containers/storage:/var/lib/containers/storage');
  }
  if (options.output) podmanArgs.push('-v', `${options.output}:/output`);
  if (options.config) {
    const inside = options.config.endsWith('.json') ? '/config.json' : '/config.toml';
    podmanArgs.push('-v', `${options.config}:${inside}:ro`);
  }
  for (const [key, value] of Object.entries(options.env ?? {})) podmanArgs.push('-e', `${key}=${value}`);
  return [...podmanArgs, image, ...args];
}

export interface RunningBib {
  /** Resolves when `pattern` has appeared on stdout or stderr. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  result: Promise<BibResult>;
}

export function startBib(image: string, args: string[], options: BibRunOptions = {}): RunningBib {
  const child = spawn('podman', bibPodmanArgs(image, args, options), {
    env: podmanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let closed = false;
  const watchers: Array<() => void> = [];
  const notify = () => {
    for (const watcher of [...watchers]) watcher();
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    notify();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    notify();
  });
  const result = new Promise<BibResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      closed = true;
      notify();
      resolve({ code, stdout, stderr });
    });
  });
  return {
    result,
    waitFor(pattern, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          done();
          reject(new Error(`bib output never matched ${pattern}:\n${stdout}\n${stderr}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          watchers.splice(watchers.indexOf(check), 1);
        };
        const check = () => {
          if (pattern.test(stdout) || pattern.test(stderr)) {
            done();
            resolve();
          } else if (closed) {
            done();
            reject(new Error(`bib ended before its output matched ${pattern}:\n${stdout}\n${stderr}`));
          }
        };
        watchers.push(check);
        check();
      });
    },
  };
}

export function runBib(image: string, args: string[], options: BibRunOptions = {}): Promise<BibResult> {
  return startBib(image, args, options).result;
}
