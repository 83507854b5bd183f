import { execFile } from 'node:child_process';
import { chmod, mkdir, readdir, readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HelperCallError, startHelper } from '../../src/core/privileged/helperClient';
import { helperCommand } from '../../src/core/privileged/helperCommand';
import { BUILT } from '../support/builtApp';
import { flashThrough, verifyThrough } from '../support/helperSession';
import { createLoopDevices } from '../support/loopDevices';
import { sha256Of, writePatternFile } from '../support/patternFile';
import { MiB } from '../support/units';

/**
 * The helper runs as root but reads an image only if the person who started it could: under
 * pkexec that is PKEXEC_UID. Here the helper is started as pkexec would leave it for `nobody`.
 * Otherwise verify-only's first differing offset would read root-only files out byte by byte.
 */
const NOBODY = '65534';
/** nobody:nogroup, who owns the drives' backing files here (a loop drive lends its file). */
const NOBODY_OWNS = { owner: { uid: 65534, gid: 65534 } };
const loops = createLoopDevices();
let helper: Awaited<ReturnType<typeof startHelper>>;
let open: string;

beforeAll(async () => {
  const command = helperCommand({
    uid: 0,
    execPath: process.execPath,
    helperPath: BUILT.helper,
    electron: false,
  });
  helper = await startHelper({ ...command, env: { ...command.env, PKEXEC_UID: NOBODY } });
  // Temporary folders are 0700: this one is opened up so that nobody may look inside.
  open = await loops.tempDir();
  await chmod(open, 0o755);
});

afterAll(async () => {
  await helper?.close();
  await loops.cleanup();
});

const flash = (image: string, drive: string) => flashThrough(helper, image, [drive]);

async function refusalOf(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, 'the helper should have refused').toBeInstanceOf(HelperCallError);
  const { code, refusals } = (error as HelperCallError).error;
  expect(code).toBe('refused');
  return refusals?.[0];
}

describe('the helper reads an image with the rights of the person who started it', () => {
  it('writes an image that person may read', async () => {
    const image = join(open, 'public.img');
    const sha = await writePatternFile(image, 8 * MiB);
    await chmod(image, 0o644);
    const drive = await loops.attach(16 * MiB, NOBODY_OWNS);
    const result = await flash(image, drive.path);
    expect(result.drives[0]?.status).toBe('verified');
    expect(result.image).toMatchObject({ path: image, sha256: sha });
  });

  it('refuses a root-only image for flash and for verify only, and writes nothing', async () => {
    const image = join(open, 'secret.img');
    await writePatternFile(image, 8 * MiB);
    await chmod(image, 0o600);
    const drive = await loops.attach(16 * MiB, NOBODY_OWNS);
    const before = await sha256Of(drive.path, 16 * MiB);
    const refusal = await refusalOf(flash(image, drive.path));
    expect(refusal).toMatchObject({ code: 'imageUnreadable', drive: null });
    expect(refusal?.message).toContain(`nobody (uid ${NOBODY}) cannot read ${image}`);
    expect(await refusalOf(verifyThrough(helper, image, drive.path))).toMatchObject({
      code: 'imageUnreadable',
    });
    expect(await sha256Of(drive.path, 16 * MiB)).toBe(before);
  });

  it('honours the folders on the way and follows no symlink past them', async () => {
    const closed = join(open, 'closed');
    await mkdir(closed, { mode: 0o700 });
    const image = join(closed, 'inside.img');
    await writePatternFile(image, 8 * MiB);
    await chmod(image, 0o644);
    const link = join(open, 'link.img');
    await symlink(image, link);
    const drive = await loops.attach(16 * MiB, NOBODY_OWNS);
    const before = await sha256Of(drive.path, 16 * MiB);
    expect(await refusalOf(flash(image, drive.path))).toMatchObject({ code: 'imageUnreadable' });
    expect(await refusalOf(flash(link, drive.path))).toMatchObject({ code: 'imageUnreadable' });
    expect(await sha256Of(drive.path, 16 * MiB)).toBe(before);
  });
});

describe('a loop drive lends the person only the file they could open themselves', () => {
  it('refuses flash and verify of a drive whose backing file is root’s, writing and revealing nothing', async () => {
    const image = join(open, 'for-root-drive.img');
    await writePatternFile(image, 8 * MiB);
    await chmod(image, 0o644);
    // The backing file stands for a VM disk or a container pool: root's, 0600.
    const rootDrive = await loops.attach(16 * MiB, { owner: { uid: 0, gid: 0 } });
    const before = await sha256Of(rootDrive.backingFile, 16 * MiB);
    const refused = await refusalOf(flash(image, rootDrive.path));
    expect(refused).toMatchObject({ code: 'backingFileDenied', drive: rootDrive.path });
    expect(refused?.message).toBe(`nobody may not write the file behind ${rootDrive.path}.`);
    const verifyError = await verifyThrough(helper, image, rootDrive.path).then(
      () => null,
      (caught: unknown) => caught as HelperCallError,
    );
    expect(verifyError?.error.refusals?.[0]).toMatchObject({ code: 'backingFileDenied' });
    // No comparison ran, so no first differing offset was told.
    expect(JSON.stringify(verifyError?.error)).not.toMatch(/offset/i);
    expect(await sha256Of(rootDrive.backingFile, 16 * MiB)).toBe(before);
  });

  it('verifies, but does not flash, a drive whose file the person may only read', async () => {
    const image = join(open, 'readable.img');
    await writePatternFile(image, 8 * MiB);
    await chmod(image, 0o644);
    const drive = await loops.attach(16 * MiB, { owner: { uid: 0, gid: 0 } });
    await chmod(drive.backingFile, 0o644);
    const before = await sha256Of(drive.backingFile, 16 * MiB);
    expect(await refusalOf(flash(image, drive.path))).toMatchObject({ code: 'backingFileDenied' });
    const compared = await verifyThrough(helper, image, drive.path);
    expect(compared.drives[0]?.status).toBe('failed');
    expect(compared.drives[0]?.error?.code).toBe('verifyMismatch');
    expect(await sha256Of(drive.backingFile, 16 * MiB)).toBe(before);
  });
});

describe('the file the helper opens as the person', () => {
  it('is opened by the helper itself, which that person cannot trace (no child of theirs to hijack)', async () => {
    // PTRACE_ATTACH (16) by nobody on the helper: EPERM (1), the kernel's ptrace access check.
    const attach =
      'import ctypes,sys; libc=ctypes.CDLL(None, use_errno=True); print(libc.ptrace(16, int(sys.argv[1]), 0, 0), ctypes.get_errno())';
    const { stdout } = await promisify(execFile)('runuser', [
      '-u',
      'nobody',
      '--',
      'python3',
      '-c',
      attach,
      String(helper.pid),
    ]);
    expect(stdout.trim()).toBe('-1 1');

    const image = join(open, 'watched.img');
    await writePatternFile(image, 32 * MiB);
    await chmod(image, 0o644);
    const drive = await loops.attach(32 * MiB, NOBODY_OWNS);
    const childrenAsNobody = new Set<string>();
    let watching = true;
    const watch = (async () => {
      while (watching) {
        for (const pid of await childrenOf(helper.pid as number)) {
          if ((await uidOf(pid)) === Number(NOBODY)) childrenAsNobody.add(pid);
        }
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const result = await flash(image, drive.path);
    watching = false;
    await watch;
    expect(result.drives[0]?.status).toBe('verified');
    expect([...childrenAsNobody]).toEqual([]);
  });
});

async function childrenOf(pid: number): Promise<string[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const lists = await Promise.all(
    tasks.map((task) => readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '')),
  );
  return lists.join(' ').split(/\s+/).filter(Boolean);
}

async function uidOf(pid: string): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const uid = /Uid:\s+(\d+)/.exec(status)?.[1];
  return uid === undefined ? null : Number(uid);
}
