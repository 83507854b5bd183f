import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { efiArchitectures } from '../../src/core/bootTest/efiArchitecture';
import { readAtHandle } from '../../src/core/bootTest/readTarget';
import { runBootTest } from '../../src/core/bootTest/runBootTest';
import { bootTestWords } from '../../src/shared/i18n/words/bootTest';
import { bootFixture } from '../support/bootFixture';
import { requireBuild } from '../support/builtApp';
import { espImage } from '../support/espImage';
import { blockReadOnly, qemuHolding } from '../support/fixtureDrive';
import { createLoopDevices, requireRoot } from '../support/loopDevices';
import { runCli } from '../support/runCli';

/**
 * Issue 16's arm64 images: an image whose EFI partition boots only arm64 machines is told apart
 * before anything starts (booted as x86-64 it would end minutes later as "no boot device"), for
 * an image file and for a drive through the helper; x86-64 and dual images boot as before.
 */
let work: string;
const loops = createLoopDevices();

beforeAll(async () => {
  requireRoot();
  requireBuild();
  work = await mkdtemp(join(tmpdir(), 'bootstick-arch-'));
});
afterEach(() => loops.cleanup());
afterAll(async () => {
  await loops.cleanup();
  if (work) await rm(work, { recursive: true, force: true });
});

async function architecturesOf(path: string) {
  const handle = await open(path, 'r');
  try {
    return [...(await efiArchitectures(readAtHandle(handle)))].sort();
  } finally {
    await handle.close();
  }
}

describe('which machine a disk image boots on', () => {
  it('reads the boot loaders off real EFI partitions: the fixture is x86-64, the others as made', async () => {
    expect(await architecturesOf(await bootFixture('login'))).toEqual(['x86_64']);
    expect(await architecturesOf(await espImage(work, ['BOOTAA64.EFI']))).toEqual(['aarch64']);
    expect(await architecturesOf(await espImage(work, ['BOOTX64.EFI', 'BOOTAA64.EFI']))).toEqual([
      'aarch64',
      'x86_64',
    ]);
  });

  it('an arm64-only image file: exit 2, in words, and QEMU never started', async () => {
    const image = await espImage(work, ['BOOTAA64.EFI']);
    const result = await runCli(['boot-test', image, '--accel', 'tcg', '--timeout', '60', '--json'], {});
    expect(result.code).toBe(2);
    const json = JSON.parse(result.stdout) as { outcome: string; message: string };
    expect(json.outcome).toBe('otherArchitecture');
    expect(json.message).toBe(bootTestWords.en.outcome.otherArchitecture);
    // The same refusal where a QEMU command would be seen the moment it is started: none is.
    let started = false;
    const direct = await runBootTest({
      target: image,
      timeoutMs: 60_000,
      accelerator: 'tcg',
      onCommand: () => {
        started = true;
      },
    });
    expect(direct.outcome).toBe('otherArchitecture');
    expect(started).toBe(false);
  });

  it('an arm64-only stick, through the helper: refused in the same words, the drive untouched', async () => {
    const drive = await loops.attachFile(await espImage(work, ['BOOTAA64.EFI']));
    const result = await runCli(
      ['boot-test', drive.path, '--virtual', '--accel', 'tcg', '--timeout', '60', '--json'],
      { BOOTSTICK_DATA_DIR: await loops.tempDir() },
    );
    expect(result.code).toBe(2);
    const json = JSON.parse(result.stdout) as {
      message: string;
      accelerator?: string;
      lastConsoleLines: string[];
    };
    expect(json.message).toBe(bootTestWords.en.outcome.otherArchitecture);
    // QEMU never ran: no accelerator was chosen for it and no console line came.
    expect(json.accelerator).toBeUndefined();
    expect(json.lastConsoleLines).toEqual([]);
    expect(await qemuHolding(drive.path)).toEqual([]);
    expect(await blockReadOnly(drive.path)).toBe(false);
  });

  it('an image with both boot loaders is booted as x86-64, as before', async () => {
    const image = await espImage(work, ['BOOTX64.EFI', 'BOOTAA64.EFI']);
    const result = await runBootTest({ target: image, timeoutMs: 60_000, accelerator: 'tcg' });
    // Its stand-in loaders are not programs: the firmware finds nothing it can start.
    expect(result.outcome).not.toBe('otherArchitecture');
    expect(result.outcome).toBe('noBootDevice');
  }, 90_000);
});
