import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/core/log/redactSecrets';
import { createRotatingLog, LOG_MAX_BYTES, LOG_MAX_FILES } from '../../src/core/log/rotatingLog';
import { dispatchCall } from '../../src/main/dispatchCall';
import type { Handlers } from '../../src/shared/api';

const freshDir = async () => join(await mkdtemp(join(tmpdir(), 'bootstick-log-')), 'logs');
const fixedClock = () => new Date('2025-01-02T03:04:05.000Z');

describe('the rotating log file', () => {
  it('appends timestamped lines to logs/main.log, private to the user', async () => {
    const dir = await freshDir();
    const log = createRotatingLog({ dir, now: fixedClock });
    log.write('drive enumeration failed: lsblk exited 1');
    log.write('second line');
    expect(log.file).toBe(join(dir, 'main.log'));
    expect(await readFile(log.file, 'utf8')).toBe(
      '2025-01-02T03:04:05.000Z drive enumeration failed: lsblk exited 1\n2025-01-02T03:04:05.000Z second line\n',
    );
    expect((await stat(log.file)).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('keeps at most 5 files of at most 1 MiB by default, dropping the oldest', async () => {
    expect(LOG_MAX_BYTES).toBe(1024 * 1024);
    expect(LOG_MAX_FILES).toBe(5);
    const dir = await freshDir();
    const log = createRotatingLog({ dir, now: fixedClock });
    const line = 'x'.repeat(64 * 1024 - 26); // just over 64 KiB with the index, timestamp and newline
    const lines = 16 * 7 + 3; // enough for 7 full files and a bit: two must have been dropped
    for (let index = 0; index < lines; index += 1) log.write(`${index} ${line}`);
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(['main.1.log', 'main.2.log', 'main.3.log', 'main.4.log', 'main.log']);
    for (const file of files) expect((await stat(join(dir, file))).size).toBeLessThanOrEqual(LOG_MAX_BYTES);
    // The newest lines are in main.log, the ones before in main.1.log, and so on.
    const first = async (file: string) => (await readFile(join(dir, file), 'utf8')).split(' ')[1];
    const newest = Number(await first('main.log'));
    expect(Number(await first('main.1.log'))).toBeLessThan(newest);
    expect(Number(await first('main.4.log'))).toBeLessThan(Number(await first('main.3.log')));
    expect(await readFile(join(dir, 'main.log'), 'utf8')).toContain(`${lines - 1} x`);
    // 15 lines fit in a file: 115 lines need 8 files, so the oldest lines are gone.
    expect(Number(await first('main.4.log'))).toBeGreaterThan(0);
  });

  it('rotates with small limits exactly at the boundary, and continues an existing file', async () => {
    const dir = await freshDir();
    const line = (text: string) => `2025-01-02T03:04:05.000Z ${text}\n`; // 26 + text + 1 bytes
    const log = createRotatingLog({ dir, maxBytes: 2 * line('aaaa').length, maxFiles: 3, now: fixedClock });
    for (const text of ['aaaa', 'bbbb', 'cccc', 'dddd', 'eeee']) log.write(text);
    expect(await readFile(join(dir, 'main.log'), 'utf8')).toBe(line('eeee'));
    expect(await readFile(join(dir, 'main.1.log'), 'utf8')).toBe(line('cccc') + line('dddd'));
    expect(await readFile(join(dir, 'main.2.log'), 'utf8')).toBe(line('aaaa') + line('bbbb'));
    const reopened = createRotatingLog({
      dir,
      maxBytes: 2 * line('aaaa').length,
      maxFiles: 3,
      now: fixedClock,
    });
    reopened.write('ffff');
    expect(await readFile(join(dir, 'main.log'), 'utf8')).toBe(line('eeee') + line('ffff'));
    reopened.write('gggg');
    expect(await readFile(join(dir, 'main.2.log'), 'utf8')).toBe(line('cccc') + line('dddd'));
  });

  it('never throws when the log cannot be written, and says so once', async () => {
    const blocker = join(await mkdtemp(join(tmpdir(), 'bootstick-log-')), 'not-a-dir');
    await writeFile(blocker, '');
    const errors: unknown[] = [];
    const log = createRotatingLog({ dir: join(blocker, 'logs'), onError: (error) => errors.push(error) });
    expect(() => log.write('one')).not.toThrow();
    expect(() => log.write('two')).not.toThrow();
    expect(errors).toHaveLength(1);
  });
});

describe('no secret reaches the log', () => {
  it('redacts password fields, crypt hashes and private keys however they are written', () => {
    const hash = '$6$rounds=5000$abcdefghijklmnop$0123456789abcdefghijklmnopqrstuvwxyzABCDEFGH./';
    const cases = [
      `{"name":"alice","password":"hunter2"}`,
      `password = "hunter2"`,
      `[[customizations.user]] password = 'hunter2'`,
      `password=hunter2 next`,
      `"token": "hunter2"`,
      `user alice hash ${hash}`,
      `-----BEGIN OPENSSH PRIVATE KEY-----\nhunter2\n-----END OPENSSH PRIVATE KEY-----`,
    ];
    for (const text of cases) {
      const redacted = redactSecrets(text);
      expect(redacted, text).not.toContain('hunter2');
      expect(redacted, text).not.toContain('abcdefghijklmnop');
      expect(redacted).toContain('[redacted');
    }
    expect(redactSecrets('flash job-1 did not run: drive /dev/sdb is busy')).toBe(
      'flash job-1 did not run: drive /dev/sdb is busy',
    );
  });

  it('a failing hashPassword call logs its name and error, never its input', async () => {
    const dir = await freshDir();
    const log = createRotatingLog({ dir });
    const handlers = {
      hashPassword: async ({ password }: { password: string }) => {
        throw new Error(`crypt failed for password: ${password}`);
      },
    } as unknown as Handlers;
    const result = await dispatchCall(handlers, 'hashPassword', { password: 'hunter2' }, log.write);
    expect(result.ok).toBe(false);
    // An input that fails validation is refused without being logged at all.
    await dispatchCall(handlers, 'hashPassword', { password: 'hunter2', extra: 1 }, log.write);
    const text = await readFile(log.file, 'utf8');
    expect(text).toContain('call hashPassword failed');
    expect(text).not.toContain('hunter2');
  });
});
