import { readdir } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INSTALL_TIMEOUT_S } from '../../src/core/bootTest/defaultTimeout';
import type { DriveBootTestResult } from '../../src/shared/driveBootTest';
import { bootTestWords } from '../../src/shared/i18n/words/bootTest';
import { requireBuild } from '../support/builtApp';
import { blockReadOnly, qemuHolding, wholeSha256 } from '../support/fixtureDrive';
import { startTestHelper, testJobId } from '../support/helperSession';
import { ANACONDA_LINE, INSTALLED_LINE, isoFixture } from '../support/isoFixture';
import { createLoopDevices, requireRoot, run } from '../support/loopDevices';
import { processesHolding } from '../support/openHolders';
import { runCli } from '../support/runCli';

const BOOT_TIMEOUT_S = 120;
/** Where the helper keeps a drive boot test's private files (ROOT_STATE_DIR/boots). */
const BOOTS_FOLDER = '/var/lib/bootstick/boots';
/** A stick is larger than the ISO flashed onto it; the rest of it is whatever was there (zeros here). */
const STICK_BYTES = 64 * 1024 * 1024;
const loops = createLoopDevices();
let helper: Awaited<ReturnType<typeof startTestHelper>>;

/** A loop "stick" with the hybrid fixture ISO written at its start, as a flash leaves it. */
async function stickWith(variant: 'installer' | 'unattended') {
  const backing = await loops.createBackingFile(STICK_BYTES, { name: `${variant}-stick.img` });
  await run('dd', [`if=${await isoFixture(variant)}`, `of=${backing}`, 'bs=1M', 'conv=notrunc']);
  return loops.attachFile(backing);
}

/** With no timeout, the helper picks one from what the stick holds (only root can read it). */
function bootTestDrive(drive: string, jobId: string): Promise<DriveBootTestResult> {
  return helper.call({
    method: 'bootTestDrive',
    params: { jobId, drive, includeVirtual: true, accelerator: 'tcg' },
  });
}

beforeAll(async () => {
  requireRoot();
  requireBuild();
  await isoFixture('installer');
  await isoFixture('unattended');
  helper = await startTestHelper();
}, 300_000);
afterEach(() => loops.cleanup());
afterAll(async () => {
  await helper?.close();
  await loops.cleanup();
});

describe('boot test of a stick holding a hybrid installer ISO, through the built helper', () => {
  it(
    'an unattended ISO on a stick installs onto the blank disk, never the stick, which is left as it was',
    async () => {
      const drive = await stickWith('unattended');
      const before = await wholeSha256(drive.path);
      const jobId = testJobId();
      let console = '';
      helper.onBootConsole((chunk) => {
        if (chunk.jobId === jobId) console += chunk.text;
      });
      // No timeout asked: the helper reads the stick's kickstart and gives it an install's time.
      const result = await bootTestDrive(drive.path, jobId);
      expect(result.timeoutSeconds).toBe(DEFAULT_INSTALL_TIMEOUT_S);
      // On a failure, the console's end says where the guest got to.
      expect(result.outcome, result.lastConsoleLines.slice(-15).join('\n')).toBe('booted');
      expect(result.stage).toBe('installed');
      expect(result.installer).toEqual({ unattended: true, kickstart: '/osbuild.ks' });
      expect(result.proof).toBe('console: "Install finished"');
      expect(result).toMatchObject({ readOnlyBefore: false, readOnlyDuringRun: true });
      // The stick is the first virtio disk (it boots as a disk, not a CD); the blank one the second.
      expect(console).toContain(`${INSTALLED_LINE} (/dev/vdb)`);
      expect(await wholeSha256(drive.path)).toBe(before);
      expect(await qemuHolding(drive.path)).toEqual([]);
      expect(await processesHolding(drive.path)).toEqual([]);
      expect(await blockReadOnly(drive.path)).toBe(false);
      const left = (await readdir(BOOTS_FOLDER).catch(() => [] as string[])).filter((name) =>
        name.includes(jobId),
      );
      expect(left).toEqual([]);
    },
    (BOOT_TIMEOUT_S + 30) * 1000,
  );

  it(
    'bootstick boot-test /dev/loopN --virtual on an installer stick: the installer, in words',
    async () => {
      const drive = await stickWith('installer');
      const before = await wholeSha256(drive.path);
      const result = await runCli(
        ['boot-test', drive.path, '--virtual', '--accel', 'tcg', '--timeout', String(BOOT_TIMEOUT_S)],
        { BOOTSTICK_DATA_DIR: await loops.tempDir() },
      );
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(bootTestWords.en.installer.booted);
      expect(result.stdout).toContain(`Proof: console: "${ANACONDA_LINE}"`);
      expect(await wholeSha256(drive.path)).toBe(before);
      expect(await blockReadOnly(drive.path)).toBe(false);
    },
    (BOOT_TIMEOUT_S + 30) * 1000,
  );
});
