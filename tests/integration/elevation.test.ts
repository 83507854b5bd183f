import { execFile } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/builtApp';
import { createLoopDevices } from '../support/loopDevices';
import { sha256Of } from '../support/patternFile';

const exec = promisify(execFile);
const loops = createLoopDevices();

afterAll(() => loops.cleanup());

describe('getting root through pkexec, as a person without it', () => {
  it('explains that polkit cannot be reached, and writes nothing', async () => {
    const dir = await loops.tempDir();
    await chmod(dir, 0o755);
    const image = join(dir, 'image.img');
    await writeFile(image, Buffer.alloc(1024 * 1024, 7));
    await chmod(image, 0o644);
    const drive = await loops.attach(8 * 1024 * 1024);
    const before = await sha256Of(drive.path, 8 * 1024 * 1024);
    // This host runs no polkit daemon (no system bus): pkexec fails the way it does on such desktops.
    const result = await exec(
      'runuser',
      [
        '-u',
        'nobody',
        '--',
        process.execPath,
        join(ROOT, 'bin/bootstick.js'),
        'flash',
        image,
        drive.path,
        '--virtual',
        '--yes',
      ],
      { env: { PATH: process.env.PATH, BOOTSTICK_DATA_DIR: dir } },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the polkit service is not running');
    expect(await sha256Of(drive.path, 8 * 1024 * 1024)).toBe(before);
  });
});
