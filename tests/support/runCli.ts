import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BUILT, ROOT } from './builtApp';

const exec = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI (`node bin/bootstick.js …`) from the repo root, as a script would; never
 * throws. Node is run by its own path, so a test may set PATH to anything (no QEMU on it, say).
 */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return exec(process.execPath, [BUILT.cli, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: CliResult) => error,
  );
}
