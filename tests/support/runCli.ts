import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BUILT, ROOT } from './builtApp';

const exec = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (`node bin/bootstick.js …`) from the repo root, as a script would; never throws. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return exec('node', [BUILT.cli, ...args], { cwd: ROOT, env: { ...process.env, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: CliResult) => error,
  );
}
