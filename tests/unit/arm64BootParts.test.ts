import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guestAccelerator, hostArchitecture } from '../../src/core/bootTest/guestAccelerator';
import { type QemuCommandInput, qemuCommand } from '../../src/core/bootTest/qemuCommand';
import { findUefiFirmware } from '../../src/core/bootTest/uefiFirmware';
import { BOOT_TEST_REFUSALS } from '../../src/shared/bootTest';
import { bootTestWords } from '../../src/shared/i18n/words/bootTest';

/** Issue 16's arm64 boots: the virt machine's command line, its firmware, its accelerator, its refusals. */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bootstick-unit-arm64-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const base: QemuCommandInput = {
  architecture: 'aarch64',
  firmwareCode: '/fw/AAVMF_CODE.fd',
  varsCopy: '/run/vars.fd',
  accelerator: 'tcg',
  disk: { path: '/images/arm.raw', format: 'raw' },
  memoryMiB: 2048,
  cpus: 2,
  qmpSocket: '/run/qmp.sock',
  sshPort: 2222,
};
const valuesOf = (args: string[], flag: string) => args.filter((_, index) => args[index - 1] === flag);

describe('qemuCommand for an arm64 guest', () => {
  const args = qemuCommand(base);
  it('boots the virt machine, emulated, on an arm64 CPU model, with no trace of q35', () => {
    expect(valuesOf(args, '-machine')).toEqual(['virt,accel=tcg']);
    expect(valuesOf(args, '-cpu')).toEqual(['max,pauth-impdef=on']);
    expect(args.join(' ')).not.toContain('q35');
    expect(args).not.toContain('-vga');
  });
  it('has the firmware as read-only code and this run’s own variable store on the two flash devices', () => {
    expect(valuesOf(args, '-drive')).toContain(
      'if=pflash,format=raw,unit=0,readonly=on,file=/fw/AAVMF_CODE.fd',
    );
    expect(valuesOf(args, '-drive')).toContain('if=pflash,format=raw,unit=1,file=/run/vars.fd');
  });
  it('puts the console on the serial port (the PL011, ttyAMA0) and a screen QMP can dump', () => {
    expect(valuesOf(args, '-chardev')).toEqual(['stdio,id=console,signal=off']);
    expect(valuesOf(args, '-serial')).toEqual(['chardev:console']);
    expect(valuesOf(args, '-device')).toContain('virtio-gpu-pci');
    expect(valuesOf(args, '-display')).toEqual(['none']);
  });
  it('keeps everything that makes a boot test safe: overlay, no monitor, restricted network, sandbox', () => {
    expect(valuesOf(args, '-drive')).toContain(
      'id=disk0,if=none,file.driver=file,file.filename=/images/arm.raw,format=raw,snapshot=on',
    );
    expect(valuesOf(args, '-device')).toContain('virtio-blk-pci,drive=disk0,bootindex=0');
    expect(valuesOf(args, '-monitor')).toEqual(['none']);
    expect(valuesOf(args, '-netdev')).toEqual(['user,id=net0,restrict=on,hostfwd=tcp:127.0.0.1:2222-:22']);
    expect(valuesOf(args, '-device')).toContain('virtio-net-pci,netdev=net0,romfile=');
    expect(valuesOf(args, '-sandbox')).toEqual([
      'on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny',
    ]);
    const nobody = qemuCommand({ ...base, switchUser: { how: { kind: 'run-with' }, user: 'nobody' } });
    expect(valuesOf(nobody, '-run-with')).toEqual(['user=nobody']);
  });
  it('gives a passed drive only as its descriptor, exactly as for x86-64', () => {
    const drive = qemuCommand({ ...base, disk: { passedFd: 3 } });
    const x86 = qemuCommand({ ...base, architecture: 'x86_64', disk: { passedFd: 3 } });
    expect(valuesOf(drive, '-add-fd')).toEqual(['fd=3,set=1,opaque=boot-drive']);
    expect(valuesOf(drive, '-drive')).toContain(
      'id=disk0,if=none,file.driver=host_device,file.filename=/dev/fdset/1,format=raw,snapshot=on',
    );
    expect(valuesOf(drive, '-drive').filter((spec) => spec.includes('disk0'))).toEqual(
      valuesOf(x86, '-drive').filter((spec) => spec.includes('disk0')),
    );
  });
  it('boots an ISO from a virtio-scsi CD (virt has no IDE)', () => {
    const iso = qemuCommand({ ...base, disk: { path: '/images/arm.iso', format: 'iso' } });
    expect(valuesOf(iso, '-device')).toEqual(
      expect.arrayContaining(['virtio-scsi-pci,id=scsi0', 'scsi-cd,bus=scsi0.0,drive=disk0,bootindex=0']),
    );
    expect(iso.join(' ')).not.toContain('ide-cd');
  });
  it('leaves the x86-64 command as it was: q35, standard VGA, IDE CD', () => {
    const x86 = qemuCommand({ ...base, architecture: undefined });
    expect(valuesOf(x86, '-machine')).toEqual(['q35,accel=tcg']);
    expect(x86).not.toContain('-cpu');
    expect(valuesOf(x86, '-vga')).toEqual(['std']);
  });
});

describe('arm64 UEFI firmware through QEMU’s descriptors', () => {
  const MiB = 1024 * 1024;
  const descriptor = (
    code: string,
    vars: string,
    architecture: string,
    machines: string[],
    features: string[] = [],
  ) =>
    JSON.stringify({
      'interface-types': ['uefi'],
      mapping: {
        device: 'flash',
        executable: { filename: code, format: 'raw' },
        'nvram-template': { filename: vars, format: 'raw' },
      },
      targets: [{ architecture, machines }],
      features,
    });
  async function flashFile(name: string, bytes: number): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, '');
    await truncate(path, bytes);
    return path;
  }

  it('takes the plain firmware for virt machines, passing over Secure Boot, q35 and mis-sized flash', async () => {
    const descriptors = join(dir, 'firmware');
    await mkdir(descriptors);
    const code = await flashFile('code.fd', 64 * MiB);
    const vars = await flashFile('vars.fd', 64 * MiB);
    const short = await flashFile('short.fd', 2 * MiB);
    await writeFile(
      join(descriptors, '10-x86.json'),
      descriptor('/fw/ovmf', '/fw/ovmf.vars', 'x86_64', ['pc-q35-*']),
    );
    await writeFile(
      join(descriptors, '20-secure.json'),
      descriptor(code, vars, 'aarch64', ['virt-*'], ['secure-boot', 'enrolled-keys']),
    );
    await writeFile(join(descriptors, '30-unpadded.json'), descriptor(short, vars, 'aarch64', ['virt-*']));
    await writeFile(join(descriptors, '40-q35.json'), descriptor(code, vars, 'aarch64', ['pc-q35-*']));
    await writeFile(join(descriptors, '60-plain.json'), descriptor(code, vars, 'aarch64', ['virt-*']));
    expect(await findUefiFirmware('aarch64', [descriptors])).toEqual({
      descriptor: join(descriptors, '60-plain.json'),
      code,
      varsTemplate: vars,
    });
    // x86-64 keeps taking only q35 firmware: the arm64 descriptors are not for it.
    expect((await findUefiFirmware('x86_64', [descriptors]))?.code).toBe('/fw/ovmf');
  });

  it('finds none where only x86-64 firmware is described', async () => {
    const descriptors = join(dir, 'x86-only');
    await mkdir(descriptors);
    await writeFile(
      join(descriptors, '60-x86.json'),
      descriptor('/fw/ovmf', '/fw/ovmf.vars', 'x86_64', ['pc-q35-*']),
    );
    expect(await findUefiFirmware('aarch64', [descriptors])).toBeUndefined();
  });
});

describe('the accelerator of an arm64 guest', () => {
  it('names the computer’s own architecture from Node’s', () => {
    expect(hostArchitecture('x64')).toBe('x86_64');
    expect(hostArchitecture('arm64')).toBe('aarch64');
    expect(hostArchitecture('riscv64')).toBeUndefined();
  });
  it('on an x86-64 computer: automatic is emulation, KVM is refused in words', async () => {
    const auto = await guestAccelerator('auto', 'aarch64', 'x86_64');
    expect(auto).toMatchObject({ ok: true, accelerator: 'tcg' });
    expect(auto.reason).toContain('KVM runs only its own architecture');
    expect(await guestAccelerator('tcg', 'aarch64', 'x86_64')).toMatchObject({
      ok: true,
      accelerator: 'tcg',
    });
    const kvm = await guestAccelerator('kvm', 'aarch64', 'x86_64');
    expect(kvm).toMatchObject({ ok: false, foreign: true });
    expect(kvm.reason).toContain('can only be emulated (TCG)');
  });
  it('on an arm64 computer, an arm64 guest may have KVM like any native one', async () => {
    // chooseAccelerator only asks whether the device opens for reading and writing: a file does.
    const kvmDevice = join(dir, 'kvm');
    await writeFile(kvmDevice, '');
    expect(await guestAccelerator('auto', 'aarch64', 'aarch64', kvmDevice)).toMatchObject({
      ok: true,
      accelerator: 'kvm',
    });
    expect(await guestAccelerator('kvm', 'aarch64', 'aarch64', join(dir, 'no-kvm'))).toMatchObject({
      ok: false,
      foreign: false,
    });
  });
});

describe('the words of an arm64 image that cannot be booted here', () => {
  it('are refusals (exit 2), each in its own words', () => {
    for (const outcome of ['otherArchitecture', 'noQemuArm64', 'noFirmwareArm64'] as const) {
      expect(BOOT_TEST_REFUSALS).toContain(outcome);
    }
    const { outcome } = bootTestWords.en;
    expect(
      new Set([outcome.noQemu, outcome.noQemuArm64, outcome.noFirmwareArm64, outcome.otherArchitecture]).size,
    ).toBe(4);
  });
  it('say what to install, on Debian and on Fedora, in English and Korean', () => {
    for (const language of ['en', 'ko'] as const) {
      const { outcome } = bootTestWords[language];
      expect(outcome.noQemuArm64).toContain('qemu-system-aarch64');
      expect(outcome.noQemuArm64).toContain('qemu-system-arm');
      expect(outcome.noFirmwareArm64).toContain('qemu-efi-aarch64');
      expect(outcome.noFirmwareArm64).toContain('edk2-aarch64');
      expect(outcome.otherArchitecture).toContain('TCG');
    }
  });
});
