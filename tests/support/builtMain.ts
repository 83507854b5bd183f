import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './builtApp';

export const BUILT_MAIN = join(ROOT, 'out/main/index.js');
export const BUILT_PRELOAD = join(ROOT, 'out/preload/index.cjs');
const REGISTER_STAND_IN = join(ROOT, 'tests/support/electronStandIn/register.mjs');

export interface BuiltMain {
  /** Asks the electron stand-in (tests/support/electronStandIn/electron.mjs) to report or act. */
  ask<T = unknown>(op: string, params?: Record<string, unknown>): Promise<T>;
  /** Resolves with the exit code once the main process has exited. */
  exited: Promise<number | null>;
  output(): string;
  kill(): void;
  child: ChildProcess;
}

/**
 * Runs the BUILT main bundle (out/main/index.js) under plain Node, the way Electron would run it
 * but with `electron` resolved to the stand-in, so the window options, CSP, handlers and menu
 * main really uses can be inspected without launching Electron.
 */
export function startBuiltMain(env: NodeJS.ProcessEnv): BuiltMain {
  const child = fork(BUILT_MAIN, [], {
    execArgv: ['--import', REGISTER_STAND_IN],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  child.on('message', (message: { id?: number; result?: unknown; error?: string }) => {
    if (message.id === undefined) return;
    const pending = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error !== undefined) pending?.reject(new Error(message.error));
    else pending?.resolve(message.result);
  });
  void exited.then(() => {
    for (const { reject } of waiting.values()) reject(new Error(`main exited; its output:\n${output}`));
    waiting.clear();
  });
  let nextId = 1;
  return {
    ask<T>(op: string, params: Record<string, unknown> = {}) {
      return new Promise<T>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ id, op, params });
      });
    },
    exited,
    output: () => output,
    kill: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
    child,
  };
}
