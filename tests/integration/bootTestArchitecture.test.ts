import { copyFile, mkdir, mkdtemp, open, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultTimeoutOf } from '../../src/core/bootTest/defaultTimeout';
import { efiArchitectures } from '../../src/core/bootTest/efiArchitecture';
import { findQemu } from '../../src/core/bootTest/findQemu';
import { readAtHandle } from '../../src/core/bootTest/readTarget';
import { runBootTest } from '../../src/core/bootTest/runBootTest';
import { FIRMWARE_DESCRIPTOR_DIRS, findUefiFirmware } from '../../src/core/bootTest/uefiFirmware';
import { bootTestWords } from '../../src/shared/i18n/words/bootTest';
import { arm64BootFixture, arm64IsoFixture } from '../support/arm64BootFixture';
import { bootFixture } from '../support/bootFixture';
import { qemuProcessesNaming } from '../support/bootTestTargets';
import { requireBuild } from '../support/builtApp';
import { espImage } from '../support/espImage';
import { blockReadOnly, qemuHolding, wholeSha256 } from '../support/fixtureDrive';
import { createLoopDevices, requireRoot } from '../support/loopDevices';
import { runCli } from '../support/runCli';

/**
 * Issue 16's arm64 images: an image whose EFI partition boots only arm64 machines boots on
 * qemu-system-aarch64's virt machine, emulated, as an image file and as a drive through the
 * helper; where that QEMU (or its firmware) is missing, or KVM is demanded, it is refused in words
 * before anything starts. x86-64 and dual images boot as before.
 */
const BOOT_TIMEOUT_S = 120;
let work: string;
let arm64Image: string;
const loops = createLoopDevices();

beforeAll(async () => {
  requireRoot();
  requireBuild();
  work = await mkdtemp(join(tmpdir(), 'bootstick-arch-'));
  // Never skipped: a host without the arm64 QEMU or firmware fails here, saying what to install.
  const qemu = await findQemu('aarch64');
  const firmware = await findUefiFirmware('aarch64');
  if (!qemu || !firmware) {
    throw new Error(
      `arm64 boot tests need qemu-system-aarch64 (${qemu ?? 'missing'}) and arm64 UEFI firmware (${firmware?.code ?? 'missing'}): install qemu-system-arm and qemu-efi-aarch64 (bash scripts/install-system-deps.sh)`,
    );
  }
  arm64Image = join(work, 'arm64.img');
  await copyFile(await arm64BootFixture(), arm64Image);
}, 300_000);
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

interface CliJson {
  outcome: string;
  message: string;
  architecture?: string;
  qemu?: string;
  accelerator?: string;
  acceleratorReason?: string;
  lastConsoleLines: string[];
}

/**
 * A search path with node and qemu-system-x86_64 and nothing else: a host with QEMU for x86-64
 * but not for arm64.
 */
async function pathWithoutArm64Qemu(): Promise<string> {
  const dir = join(work, 'x86-only-path');
  await mkdir(dir, { recursive: true });
  const links: [string, string][] = [
    ['node', process.execPath],
    ['qemu-system-x86_64', '/usr/bin/qemu-system-x86_64'],
  ];
  for (const [name, target] of links) {
    await symlink(target, join(dir, name)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
  return dir;
}

describe('which machine a disk image boots on', () => {
  it('reads the boot loaders off real EFI partitions: each fixture as it was made', async () => {
    expect(await architecturesOf(await bootFixture('login'))).toEqual(['x86_64']);
    expect(await architecturesOf(arm64Image)).toEqual(['aarch64']);
    expect(await architecturesOf(await espImage(work, ['BOOTAA64.EFI']))).toEqual(['aarch64']);
    expect(await architecturesOf(await espImage(work, ['BOOTX64.EFI', 'BOOTAA64.EFI']))).toEqual([
      'aarch64',
      'x86_64',
    ]);
  });

  it(
    'an arm64 image file boots on qemu-system-aarch64, emulated (exit 0), the file unchanged',
    async () => {
      const before = await wholeSha256(arm64Image);
      const result = await runCli(
        ['boot-test', arm64Image, '--accel', 'auto', '--timeout', String(BOOT_TIMEOUT_S), '--json'],
        {},
      );
      expect(result.code, result.stdout + result.stderr).toBe(0);
      const json = JSON.parse(result.stdout) as CliJson;
      expect(json.outcome).toBe('booted');
      expect(json.architecture).toBe('aarch64');
      expect(json.qemu).toMatch(/\/qemu-system-aarch64$/);
      // Automatic on an x86-64 computer: emulation, whatever /dev/kvm says.
      expect(json.accelerator).toBe('tcg');
      expect(json.acceleratorReason).toContain('KVM runs only its own architecture');
      expect(json.lastConsoleLines.join('\n')).toContain('bootstick-fixture login:');
      expect(await wholeSha256(arm64Image)).toBe(before);
      expect(await qemuProcessesNaming(arm64Image)).toEqual([]);
    },
    (BOOT_TIMEOUT_S + 30) * 1000,
  );

  it(
    'an arm64 stick, through the helper: boots on root’s own QEMU, the drive untouched and given back',
    async () => {
      const drive = await loops.attachFile(await copyToBacking(arm64Image));
      const before = await wholeSha256(drive.path);
      // A decoy qemu-system-aarch64 first on the caller's PATH: root's helper must not run it.
      const decoys = await loops.tempDir();
      await writeFile(join(decoys, 'qemu-system-aarch64'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
      const result = await runCli(
        [
          'boot-test',
          drive.path,
          '--virtual',
          '--accel',
          'tcg',
          '--timeout',
          String(BOOT_TIMEOUT_S),
          '--json',
        ],
        { BOOTSTICK_DATA_DIR: await loops.tempDir(), PATH: `${decoys}:${process.env.PATH}` },
      );
      expect(result.code, result.stdout + result.stderr).toBe(0);
      const json = JSON.parse(result.stdout) as CliJson;
      expect(json.outcome).toBe('booted');
      expect(json.architecture).toBe('aarch64');
      // Root's own view decided: the QEMU in root's system folders, never a caller's path.
      expect(json.qemu).toMatch(/^\/usr\/(local\/)?s?bin\/qemu-system-aarch64$/);
      expect(await qemuHolding(drive.path)).toEqual([]);
      expect(await blockReadOnly(drive.path)).toBe(false);
      expect(await wholeSha256(drive.path)).toBe(before);
    },
    (BOOT_TIMEOUT_S + 30) * 1000,
  );

  it('an arm64 image, always emulated here, gets three times a boot’s default timeout, read off it', async () => {
    expect(await defaultTimeoutOf(arm64Image)).toBe(900);
    expect(await defaultTimeoutOf(await bootFixture('login'))).toBe(300);
  });

  it(
    'an arm64 installer ISO boots from a virtio-scsi CD to its installer',
    async () => {
      const iso = join(work, 'arm64.iso');
      await copyFile(await arm64IsoFixture(), iso);
      expect(await architecturesOf(iso)).toEqual(['aarch64']);
      let args: string[] = [];
      const result = await runBootTest({
        target: iso,
        timeoutMs: BOOT_TIMEOUT_S * 1000,
        accelerator: 'tcg',
        onCommand: (_, argv) => {
          args = argv;
        },
      });
      expect(result.outcome, result.lastConsoleLines.join('\n')).toBe('booted');
      expect(result.stage).toBe('installer');
      expect(result.architecture).toBe('aarch64');
      expect(args).toContain('scsi-cd,bus=scsi0.0,drive=disk0,bootindex=0');
      expect(await qemuProcessesNaming(iso)).toEqual([]);
    },
    (BOOT_TIMEOUT_S + 30) * 1000,
  );

  it('no qemu-system-aarch64 on the path: exit 2, words that say what to install, QEMU never started', async () => {
    const result = await runCli(['boot-test', arm64Image, '--accel', 'tcg', '--timeout', '60', '--json'], {
      PATH: await pathWithoutArm64Qemu(),
    });
    expect(result.code, result.stdout + result.stderr).toBe(2);
    const json = JSON.parse(result.stdout) as CliJson;
    expect(json.outcome).toBe('noQemuArm64');
    expect(json.message).toBe(bootTestWords.en.outcome.noQemuArm64);
    expect(json.message).toContain('qemu-system-arm');
    expect(json.accelerator).toBeUndefined();
    expect(json.lastConsoleLines).toEqual([]);
    expect(await qemuProcessesNaming(arm64Image)).toEqual([]);
  });

  it('no arm64 firmware: noFirmwareArm64, and KVM demanded: otherArchitecture, nothing started', async () => {
    let started = false;
    const onCommand = () => {
      started = true;
    };
    // Only the x86-64 descriptors: a host with ovmf but without qemu-efi-aarch64.
    const x86Only = join(work, 'x86-firmware');
    await mkdir(x86Only, { recursive: true });
    for (const name of (await readdir(FIRMWARE_DESCRIPTOR_DIRS[0] as string)).filter((file) =>
      file.includes('x86_64'),
    )) {
      await copyFile(join(FIRMWARE_DESCRIPTOR_DIRS[0] as string, name), join(x86Only, name));
    }
    const noFirmware = await runBootTest({
      target: arm64Image,
      timeoutMs: 60_000,
      accelerator: 'tcg',
      firmwareDirs: [x86Only],
      onCommand,
    });
    expect(noFirmware.outcome).toBe('noFirmwareArm64');
    const kvm = await runCli(['boot-test', arm64Image, '--accel', 'kvm', '--timeout', '60', '--json'], {});
    expect(kvm.code).toBe(2);
    const json = JSON.parse(kvm.stdout) as CliJson;
    expect(json.outcome).toBe('otherArchitecture');
    expect(json.message).toBe(bootTestWords.en.outcome.otherArchitecture);
    expect(started).toBe(false);
    expect(await qemuProcessesNaming(arm64Image)).toEqual([]);
  });

  it('an image with both boot loaders is booted as x86-64, as before', async () => {
    const image = await espImage(work, ['BOOTX64.EFI', 'BOOTAA64.EFI']);
    let qemu = '';
    const result = await runBootTest({
      target: image,
      timeoutMs: 60_000,
      accelerator: 'tcg',
      onCommand: (binary) => {
        qemu = binary;
      },
    });
    expect(qemu).toMatch(/qemu-system-x86_64$/);
    // Its stand-in loaders are not programs: the firmware finds nothing it can start.
    expect(result.outcome).toBe('noBootDevice');
    expect(result.architecture).toBe('x86_64');
  }, 90_000);
});

/** A private copy of `image` as a loop drive's backing file. */
async function copyToBacking(image: string): Promise<string> {
  const backing = join(await loops.tempDir(), 'arm64.img');
  await copyFile(image, backing);
  return backing;
}
