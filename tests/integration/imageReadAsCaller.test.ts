import { chmod, mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HelperCallError, startHelper } from '../../src/main/helper/helperClient';
import { helperCommand } from '../../src/main/helper/helperCommand';
import { BUILT, requireBuild } from '../support/builtApp';
import { flashThrough, verifyThrough } from '../support/helperSession';
import { createLoopDevices, requireRoot } from '../support/loopDevices';
import { sha256Of, writePatternFile } from '../support/patternFile';

/**
 * The helper runs as root but reads an image only if the person who started it could: under
 * pkexec that is PKEXEC_UID. Here the helper is started as pkexec would leave it for `nobody`.
 * Otherwise verify-only's first differing offset would read root-only files out byte by byte.
 */
const MiB = 1024 * 1024;
const NOBODY = '65534';
const loops = createLoopDevices();
let helper: Awaited<ReturnType<typeof startHelper>>;
let open: string;

beforeAll(async () => {
  requireRoot();
  requireBuild();
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
    const drive = await loops.attach(16 * MiB);
    const result = await flash(image, drive.path);
    expect(result.drives[0]?.status).toBe('verified');
    expect(result.image).toMatchObject({ path: image, sha256: sha });
  });

  it('refuses a root-only image for flash and for verify only, and writes nothing', async () => {
    const image = join(open, 'secret.img');
    await writePatternFile(image, 8 * MiB);
    await chmod(image, 0o600);
    const drive = await loops.attach(16 * MiB);
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
    const drive = await loops.attach(16 * MiB);
    const before = await sha256Of(drive.path, 16 * MiB);
    expect(await refusalOf(flash(image, drive.path))).toMatchObject({ code: 'imageUnreadable' });
    expect(await refusalOf(flash(link, drive.path))).toMatchObject({ code: 'imageUnreadable' });
    expect(await sha256Of(drive.path, 16 * MiB)).toBe(before);
  });
});
