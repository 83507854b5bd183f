import { chmod, chown, mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuildRecordSchema } from '../../src/shared/diskImages/buildRecord';
import { createLoopDevices } from '../support/loopDevices';
import { sha256Of, writePatternFile } from '../support/patternFile';
import { ensureBibStandin, ensureSourceImage, requirePodman } from '../support/podmanFixtures';
import { type RealPkexec, startRealPkexec } from '../support/realPkexec';
import { MiB } from '../support/units';

/**
 * The whole way a person without root goes: their own shell runs the CLI, the CLI starts the helper
 * through real pkexec, real polkitd says yes (a rule stands in for the admin's password), and the
 * helper runs as root working for that person (PKEXEC_UID), so it opens their files as them.
 */
const loops = createLoopDevices();
let pkexec: RealPkexec;
let home: string;
let bib: string;
let source: string;

beforeAll(async () => {
  await requirePodman();
  [bib, source] = await Promise.all([ensureBibStandin('bib'), ensureSourceImage('bootc', { pace: 1 })]);
  pkexec = await startRealPkexec();
  home = pkexec.user.home;
}, 300_000);

afterAll(async () => {
  await pkexec?.stop();
  await loops.cleanup();
});

const bootstick = (...args: string[]) =>
  pkexec.runAsUser(process.execPath, [join(pkexec.appRoot, 'bin/bootstick.js'), ...args], {
    BOOTSTICK_DATA_DIR: join(home, 'data'),
  });

describe('through real pkexec, as a person without root', () => {
  it('starts the helper as root, working for that person', async () => {
    const hello = await pkexec.runAsUser('sh', [
      '-c',
      `printf '%s\\n' '{"id":1,"method":"hello"}' | pkexec --disable-internal-agent ${process.execPath} ${join(pkexec.appRoot, 'out/main/helper.js')}`,
    ]);
    expect(hello.code, hello.stderr).toBe(0);
    const answer = JSON.parse(hello.stdout.trim().split('\n')[0] as string) as { result: { uid: number } };
    expect(answer.result.uid).toBe(0);
  });

  it('flashes and verifies a drive of theirs from an image of theirs', async () => {
    const { uid, gid } = pkexec.user;
    const image = join(home, 'image.img');
    const sha = await writePatternFile(image, 8 * MiB);
    await chown(image, uid, gid);
    const drive = await loops.attach(16 * MiB, { owner: { uid, gid } });
    const { code, stdout, stderr } = await bootstick(
      'flash',
      image,
      drive.path,
      '--virtual',
      '--yes',
      '--json',
    );
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as { image: { sha256: string }; drives: Array<{ status: string }> };
    expect(report.image.sha256).toBe(sha);
    expect(report.drives.map((entry) => entry.status)).toEqual(['verified']);
    expect(await sha256Of(drive.path, 8 * MiB)).toBe(sha);
  });

  it('builds a raw disk image into a folder of theirs, the outputs theirs', async () => {
    const { uid, gid } = pkexec.user;
    const output = join(home, 'out');
    await mkdir(output);
    await chown(output, uid, gid);
    const config = join(home, 'config.toml');
    await writeFile(config, '[[customizations.user]]\nname = "ada"\npassword = "pkexec pass"\n');
    await chown(config, uid, gid);
    await chmod(config, 0o600);
    const { code, stdout, stderr } = await bootstick(
      'build',
      source,
      '--type',
      'raw',
      '--config',
      config,
      '--output',
      output,
      '--bib-image',
      bib,
      '--json',
    );
    expect(code, stderr).toBe(0);
    expect(BuildRecordSchema.parse(JSON.parse(stdout)).outcome).toBe('succeeded');
    const disk = await stat(join(output, 'image/disk.raw'));
    expect([disk.uid, disk.gid]).toEqual([uid, gid]);
  });
});
