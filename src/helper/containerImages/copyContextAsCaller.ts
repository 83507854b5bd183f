import { spawn } from 'node:child_process';
import { setprivAs } from '../../core/privileged/setprivAs';
import type { Caller } from '../safety/caller';

/** tar's complaints kept for the refusal (file names, never file contents). */
const MAX_STDERR = 8 * 1024;

export class ContextCopyError extends Error {}

/** argv that runs `command` with the caller's uids, gids and groups; root's own when no caller. */
function asCaller(caller: Caller | null, command: string[]): string[] {
  if (!caller) return command;
  return [...setprivAs(caller), ...command];
}

/**
 * Copies a build context into `target` (an empty folder the caller owns, inside root's private
 * folder) with the caller's rights at both ends: one tar reads the context as the caller (so only
 * what they can read is copied, and their symlinks stay symlinks), another writes the copy as the
 * caller, started inside `target` so it needs no way in through root's private folder. podman
 * then builds from the copy, never from a path the caller can swap. A file the caller cannot read
 * makes the copy fail, naming the file; nothing of its content is read. `stop` ends both.
 */
export function copyContextAsCaller(
  contextDir: string,
  target: string,
  caller: Caller | null,
): { done: Promise<void>; stop(): void } {
  const [readCommand, ...readArgs] = asCaller(caller, [
    'tar',
    '--create',
    '--file=-',
    `--directory=${contextDir}`,
    '.',
  ]);
  const [writeCommand, ...writeArgs] = asCaller(caller, ['tar', '--extract', '--file=-', '--no-same-owner']);
  const reader = spawn(readCommand as string, readArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  const writer = spawn(writeCommand as string, writeArgs, { cwd: target, stdio: ['pipe', 'ignore', 'pipe'] });
  reader.stdout.pipe(writer.stdin);
  // A writer that died early closes its stdin: the reader then gets EPIPE, said by its exit code.
  writer.stdin.on('error', () => {});
  let stderr = '';
  const keep = (chunk: Buffer) => {
    if (stderr.length < MAX_STDERR) stderr += chunk.toString().slice(0, MAX_STDERR - stderr.length);
  };
  reader.stderr.on('data', keep);
  writer.stderr.on('data', keep);
  const exited = (child: typeof reader | typeof writer) =>
    new Promise<number | null>((resolve) => {
      child.once('error', () => resolve(null));
      child.once('close', (code) => resolve(code));
    });
  let stopped = false;
  const done = Promise.all([exited(reader), exited(writer)]).then(([readCode, writeCode]) => {
    if (stopped) throw new ContextCopyError('The copy of the build folder was stopped.');
    if (readCode !== 0 || writeCode !== 0) {
      const words = stderr
        .split('\n')
        .map((line) => line.replace(/^tar: /, '').trim())
        .filter((line) => line && !/^Exiting with failure status/.test(line))
        .slice(0, 5)
        .join('; ');
      throw new ContextCopyError(
        `The build folder ${contextDir} could not be copied as you: ${words || 'tar failed'}.`,
      );
    }
  });
  return {
    done,
    stop() {
      stopped = true;
      reader.kill('SIGKILL');
      writer.kill('SIGKILL');
    },
  };
}
