import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { BuildLogLine } from '../../shared/diskImages/bibRun';
import type { BootConsoleChunk } from '../../shared/driveBootTest';
import type { DriveProgress } from '../../shared/flash';
import {
  HELPER_METHODS,
  type HelperCall,
  type HelperError,
  HelperEventSchema,
  HelperResponseSchema,
  type HelperResult,
} from '../../shared/helperProtocol';
import {
  classifyElevationFailure,
  ELEVATION_MESSAGES,
  type ElevationFailure,
  type HelperCommand,
} from './helperCommand';

/** How long a person has to answer the password prompt. */
const ELEVATION_TIMEOUT_MS = 60_000;

export type { HelperCall };

export class HelperCallError extends Error {
  constructor(readonly error: HelperError) {
    super(error.message);
  }
}

export class ElevationError extends Error {
  constructor(readonly reason: ElevationFailure) {
    super(ELEVATION_MESSAGES[reason]);
  }
}

export interface HelperClient {
  /** One request; its answer is checked against the protocol's declaration of that method. */
  call<C extends HelperCall>(request: C): Promise<HelperResult<C['method']>>;
  onProgress(listener: (progress: DriveProgress) => void): () => void;
  /** Every line podman children (pulls, bib runs) print, as they print it. */
  onBuildLog(listener: (line: BuildLogLine) => void): () => void;
  /** The serial console of a drive boot test, piece by piece. */
  onBootConsole(listener: (chunk: BootConsoleChunk) => void): () => void;
  /** Closes the helper's stdin: it cancels whatever runs and exits. */
  close(): Promise<number | null>;
  readonly pid: number | undefined;
}

/** Starts the helper and waits for its hello, which proves elevation worked. */
export async function startHelper(command: HelperCommand): Promise<HelperClient> {
  const child = spawn(command.command, command.args, { env: command.env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const listeners = new Set<(progress: DriveProgress) => void>();
  const logListeners = new Set<(line: BuildLogLine) => void>();
  const consoleListeners = new Set<(chunk: BootConsoleChunk) => void>();
  let nextId = 1;
  const exited = new Promise<number | null>((resolve) => {
    // 'close', not 'exit': only then has all of stderr (pkexec's reason) been read.
    child.on('close', (code) => {
      for (const { reject } of waiting.values())
        reject(new ElevationError(classifyElevationFailure(code, stderr)));
      waiting.clear();
      resolve(code);
    });
    child.on('error', () => resolve(null));
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return; // pkexec or a library printing to stdout: not ours
    }
    const event = HelperEventSchema.safeParse(json);
    if (event.success) {
      const data = event.data;
      if (data.event === 'progress') for (const listener of listeners) listener(data.progress);
      else if (data.event === 'buildLog') for (const listener of logListeners) listener(data.log);
      else for (const listener of consoleListeners) listener(data.console);
      return;
    }
    const response = HelperResponseSchema.safeParse(json);
    if (!response.success || response.data.id === null) return;
    const pending = waiting.get(response.data.id);
    waiting.delete(response.data.id);
    if (response.data.ok) pending?.resolve(response.data.result);
    else pending?.reject(new HelperCallError(response.data.error));
  });

  const call = <C extends HelperCall>(request: C): Promise<HelperResult<C['method']>> =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      child.stdin.write(`${JSON.stringify({ id, ...request })}\n`);
    }).then((answer) => {
      const checked = HELPER_METHODS[request.method].result.safeParse(answer);
      if (!checked.success) {
        throw new Error(
          `The privileged helper answered ${request.method} with something it does not declare.`,
        );
      }
      return checked.data as HelperResult<C['method']>;
    });

  const client: HelperClient = {
    call,
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onBuildLog(listener) {
      logListeners.add(listener);
      return () => logListeners.delete(listener);
    },
    onBootConsole(listener) {
      consoleListeners.add(listener);
      return () => consoleListeners.delete(listener);
    },
    async close() {
      child.stdin.end();
      return exited;
    },
    pid: child.pid,
  };

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new ElevationError('timeout'));
    }, ELEVATION_TIMEOUT_MS);
  });
  const spawnFailed = new Promise<never>((_, reject) =>
    child.on('error', (error) =>
      reject(new ElevationError((error as { code?: string }).code === 'ENOENT' ? 'noPkexec' : 'crashed')),
    ),
  );
  try {
    await Promise.race([call({ method: 'hello' }), timeout, spawnFailed]);
  } finally {
    clearTimeout(timer);
  }
  return client;
}
