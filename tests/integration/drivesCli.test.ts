import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { DriveView } from '../../src/shared/drives/driveView';
import { ROOT } from '../support/builtApp';
import { createLoopDevices, run } from '../support/loopDevices';

const exec = promisify(execFile);
const loops = createLoopDevices();

/** Runs `npx bootstick …` from the repo root, as a person would. */
async function bootstick(...args: string[]) {
  const dataDir = await loops.tempDir();
  return exec('npx', ['--no-install', 'bootstick', ...args], {
    cwd: ROOT,
    env: { ...process.env, BOOTSTICK_DATA_DIR: dataDir },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

afterAll(() => loops.cleanup());

describe('npx bootstick drives', () => {
  it('--json --virtual lists a loop device as virtual and selectable, and nothing selectable holds /', async () => {
    const loop = await loops.attach(48 * 1024 * 1024);
    const { code, stdout } = await bootstick('drives', '--json', '--virtual');
    expect(code).toBe(0);
    const drives = JSON.parse(stdout) as DriveView[];
    expect(drives.find((drive) => drive.path === loop.path)).toMatchObject({
      virtual: true,
      verdict: { status: 'selectable' },
    });
    const holdsRoot = drives.filter((drive) => drive.mountpoints.includes('/'));
    for (const drive of holdsRoot) expect(drive.verdict.status).toBe('refused');
    // Without --all the system drive is not even listed.
    const { stdout: root } = await run('findmnt', ['-n', '-o', 'SOURCE', '/']);
    expect(drives.map((drive) => drive.path)).not.toContain(root.trim());
  });

  it('--all adds the system drive, refused; the table says why in words', async () => {
    const { stdout: root } = await run('findmnt', ['-n', '-o', 'SOURCE', '/']);
    const { code, stdout } = await bootstick('drives', '--all');
    expect(code).toBe(0);
    expect(stdout).toContain(root.trim());
    expect(stdout).toMatch(/REFUSED/);
    expect(stdout).toContain('System drive: the running computer uses it (/');
  });

  it('without --virtual lists no loop device', async () => {
    const loop = await loops.attach(16 * 1024 * 1024);
    const { stdout } = await bootstick('drives', '--json');
    expect((JSON.parse(stdout) as DriveView[]).map((drive) => drive.path)).not.toContain(loop.path);
  });

  it('refuses a missing image file with a clear message and exit code 2', async () => {
    const { code, stderr, stdout } = await bootstick('drives', '--image', '/nonexistent/bootc.raw');
    expect(code).toBe(2);
    expect(stderr).toContain('The image file /nonexistent/bootc.raw does not exist or cannot be read.');
    expect(stdout).toBe('');
  });

  it('refuses an unknown option with exit code 2', async () => {
    const { code, stderr } = await bootstick('drives', '--everything');
    expect(code).toBe(2);
    expect(stderr).toContain("unknown option '--everything'");
  });
});
