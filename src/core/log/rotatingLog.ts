import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { redactSecrets } from './redactSecrets';

export const LOG_MAX_BYTES = 1024 * 1024;
export const LOG_MAX_FILES = 5;

export interface RotatingLog {
  /** Appends one timestamped, redacted line. Never throws: a log that cannot be written is not a reason to fail. */
  write(message: string): void;
  /** The file being written now (`<dir>/<name>.log`). */
  readonly file: string;
  readonly dir: string;
}

/**
 * A log kept as at most `maxFiles` files of at most `maxBytes` each: `main.log` is the newest,
 * then `main.1.log` … `main.<maxFiles-1>.log`; the oldest is dropped when the newest fills up.
 * Writes are synchronous so the last lines before a crash or a quit are on disk.
 */
export function createRotatingLog(options: {
  dir: string;
  name?: string;
  maxBytes?: number;
  maxFiles?: number;
  now?: () => Date;
  /** Where a failure to write the log itself is reported (once). */
  onError?: (error: unknown) => void;
}): RotatingLog {
  const { dir, name = 'main', maxBytes = LOG_MAX_BYTES, maxFiles = LOG_MAX_FILES } = options;
  const now = options.now ?? (() => new Date());
  const fileAt = (index: number) => join(dir, index === 0 ? `${name}.log` : `${name}.${index}.log`);
  const file = fileAt(0);
  let size: number | null = null;
  let failed = false;

  function currentSize(): number {
    if (size === null) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      try {
        size = statSync(file).size;
      } catch {
        size = 0;
      }
    }
    return size;
  }

  function rotate(): void {
    rmSync(fileAt(maxFiles - 1), { force: true });
    for (let index = maxFiles - 2; index >= 0; index -= 1) {
      try {
        renameSync(fileAt(index), fileAt(index + 1));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    size = 0;
  }

  return {
    file,
    dir,
    write(message) {
      const line = `${now().toISOString()} ${redactSecrets(message).replace(/\n(?!$)/g, '\n  ')}\n`;
      const bytes = Buffer.byteLength(line);
      try {
        if (currentSize() > 0 && currentSize() + bytes > maxBytes) rotate();
        appendFileSync(file, line, { mode: 0o600 });
        size = currentSize() + bytes;
      } catch (error) {
        size = null;
        if (!failed) options.onError?.(error);
        failed = true;
      }
    },
  };
}
