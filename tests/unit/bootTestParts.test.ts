import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseAccelerator } from '../../src/core/bootTest/chooseAccelerator';
import { ConsoleWatch } from '../../src/core/bootTest/consoleWatch';
import { qemuCommand } from '../../src/core/bootTest/qemuCommand';
import { userSwitchFromHelp } from '../../src/core/bootTest/qemuUserSwitch';
import { findUefiFirmware } from '../../src/core/bootTest/uefiFirmware';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bootstick-unit-firmware-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const descriptor = (code: string, features: string[] = []) =>
  JSON.stringify({
    'interface-types': ['uefi'],
    mapping: {
      device: 'flash',
      executable: { filename: code, format: 'raw' },
      'nvram-template': { filename: `${code}.vars`, format: 'raw' },
    },
    targets: [{ architecture: 'x86_64', machines: ['pc-q35-*'] }],
    features,
  });

describe('findUefiFirmware', () => {
  it('skips Secure Boot firmware, and a later folder replaces a descriptor of the same name', async () => {
    const system = join(dir, 'share');
    const local = join(dir, 'etc');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(system);
    await mkdir(local);
    await writeFile(
      join(system, '40-secure.json'),
      descriptor('/fw/secure', ['secure-boot', 'enrolled-keys']),
    );
    await writeFile(join(system, '60-plain.json'), descriptor('/fw/plain'));
    expect((await findUefiFirmware('x86_64', [system, local]))?.code).toBe('/fw/plain');
    await writeFile(join(local, '60-plain.json'), descriptor('/fw/local'));
    const found = await findUefiFirmware('x86_64', [system, local]);
    expect(found).toEqual({
      descriptor: join(local, '60-plain.json'),
      code: '/fw/local',
      varsTemplate: '/fw/local.vars',
    });
    expect(await findUefiFirmware('aarch64', [system, local])).toBeUndefined();
    expect(await findUefiFirmware('x86_64', [join(dir, 'missing')])).toBeUndefined();
  });
});

describe('ConsoleWatch', () => {
  it('keeps the deciding line last, however much the console prints after it', () => {
    const watch = new ConsoleWatch();
    const trace = Array.from({ length: 30 }, (_, index) => `[    3.47] frame ${index}`).join('\n');
    const sign = watch.feed(`[    3.46] Kernel panic - not syncing: Attempted to kill init!\n${trace}\n`);
    expect(sign?.kind).toBe('kernelPanic');
    expect(watch.feed('qemu going down\n')).toBeUndefined();
    expect(watch.lastLines().at(-1)).toContain('Kernel panic - not syncing');
  });

  it('sees a prompt that waits on an unfinished line, through escapes and split chunks', () => {
    const watch = new ConsoleWatch();
    expect(watch.feed('\u001b[2J\u001b[01;01HBdsDxe: starting\r\nhost lo')).toBeUndefined();
    expect(watch.feed('gin: ')).toEqual({ kind: 'loginPrompt', line: 'host login:' });
    expect(watch.lastLines()).toEqual(['BdsDxe: starting', 'host login: ']);
  });
  it('tells a kernel panic and OVMF falling back to its shell', () => {
    expect(new ConsoleWatch().feed('[ 1.0] Kernel panic - not syncing: VFS\n')?.kind).toBe('kernelPanic');
    expect(new ConsoleWatch().feed('UEFI Interactive Shell v2.2\r\n')?.kind).toBe('noBootDevice');
    expect(new ConsoleWatch().feed('Last login: yesterday\n')).toBeUndefined();
  });
  it('keeps only the last lines', () => {
    const watch = new ConsoleWatch(3);
    watch.feed('1\n2\n3\n4\n5\n');
    expect(watch.lastLines()).toEqual(['3', '4', '5']);
  });
});

describe('ConsoleWatch bounds', () => {
  it('keeps a console that never ends a line small, and still sees the prompt at its end', () => {
    const watch = new ConsoleWatch();
    for (let i = 0; i < 256; i += 1) expect(watch.feed('x'.repeat(4096))).toBeUndefined();
    expect(watch.feed(' host login: ')).toMatchObject({ kind: 'loginPrompt' });
    expect(watch.lastLines().join('').length).toBeLessThanOrEqual(4096);
  });
});

describe('qemuCommand', () => {
  const args = qemuCommand({
    firmwareCode: '/fw/code.fd',
    varsCopy: '/run/vars.fd',
    accelerator: 'tcg',
    disk: { path: '/dev/sdz', format: 'raw' },
    memoryMiB: 2048,
    cpus: 2,
    qmpSocket: '/run/qmp.sock',
    sshPort: 2222,
  });
  const value = (flag: string) => args.filter((_, index) => args[index - 1] === flag);
  it('opens the disk through a throw-away overlay, with no monitor, firmware read-only', () => {
    expect(value('-drive')).toContain(
      'id=disk0,if=none,file.driver=file,file.filename=/dev/sdz,format=raw,snapshot=on',
    );
    expect(value('-monitor')).toEqual(['none']);
    expect(value('-drive')).toContain('if=pflash,format=raw,unit=0,readonly=on,file=/fw/code.fd');
    expect(value('-qmp')).toEqual(['unix:/run/qmp.sock,server=on,wait=off']);
    expect(value('-machine')).toEqual(['q35,accel=tcg']);
  });
  it('forwards SSH on loopback only', () => {
    expect(value('-netdev')).toEqual(['user,id=net0,restrict=on,hostfwd=tcp:127.0.0.1:2222-:22']);
  });
  it('runs QEMU under its seccomp sandbox: no new programs, no privilege changes', () => {
    expect(value('-sandbox')).toEqual([
      'on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny',
    ]);
  });
  it('gives a passed drive only as its descriptor, behind the overlay, never by a path', () => {
    const drive = qemuCommand({
      firmwareCode: '/fw/code.fd',
      varsCopy: '/run/vars.fd',
      accelerator: 'tcg',
      disk: { passedFd: 3 },
      memoryMiB: 2048,
      cpus: 2,
      qmpSocket: '/run/qmp.sock',
      sshPort: 2222,
    });
    const argsAfter = (flag: string) => drive.filter((_, index) => drive[index - 1] === flag);
    expect(argsAfter('-add-fd')).toEqual(['fd=3,set=1,opaque=boot-drive']);
    expect(argsAfter('-drive')).toContain(
      'id=disk0,if=none,file.driver=host_device,file.filename=/dev/fdset/1,format=raw,snapshot=on',
    );
    expect(
      argsAfter('-drive').filter((spec) => spec.includes('/dev/') && !spec.includes('/dev/fdset/')),
    ).toEqual([]);
    expect(argsAfter('-monitor')).toEqual(['none']);
  });
});

describe('a path in QEMU’s option lists', () => {
  it('doubles its commas, so a file named my,disk.raw cannot add options of its own', () => {
    const args = qemuCommand({
      firmwareCode: '/fw/code.fd',
      varsCopy: '/run/a,b/vars.fd',
      accelerator: 'tcg',
      disk: { path: '/home/ada/my,disk.raw,readonly=off', format: 'raw' },
      memoryMiB: 2048,
      cpus: 2,
      qmpSocket: '/run/a,b/qmp.sock',
      sshPort: 2222,
    });
    const drives = args.filter((_, index) => args[index - 1] === '-drive');
    expect(drives).toContain(
      'id=disk0,if=none,file.driver=file,file.filename=/home/ada/my,,disk.raw,,readonly=off,format=raw,snapshot=on',
    );
    expect(drives).toContain('if=pflash,format=raw,unit=1,file=/run/a,,b/vars.fd');
    expect(args[args.indexOf('-qmp') + 1]).toBe('unix:/run/a,,b/qmp.sock,server=on,wait=off');
  });

  it('names the file driver, so a file called nbd:… or json:… is a file, never a protocol', () => {
    for (const path of ['nbd:evil.example:10809', 'json:{"driver":"nbd"}']) {
      const args = qemuCommand({
        firmwareCode: '/fw/code.fd',
        varsCopy: '/run/vars.fd',
        accelerator: 'tcg',
        disk: { path, format: 'raw' },
        memoryMiB: 2048,
        cpus: 2,
        qmpSocket: '/run/qmp.sock',
        sshPort: 2222,
      });
      const disk = args.find((arg) => arg.startsWith('id=disk0,'));
      expect(disk).toBe(`id=disk0,if=none,file.driver=file,file.filename=${path},format=raw,snapshot=on`);
    }
  });
});

describe('QEMU becoming an unprivileged user', () => {
  const base = {
    firmwareCode: '/fw/code.fd',
    varsCopy: '/run/vars.fd',
    accelerator: 'tcg' as const,
    disk: { passedFd: 3 },
    memoryMiB: 2048,
    cpus: 2,
    qmpSocket: '/run/qmp.sock',
    sshPort: 2222,
  };
  const valuesAfter = (args: string[], flag: string) => args.filter((_, index) => args[index - 1] === flag);

  it('reads from QEMU’s own help how it switches users: -run-with user= (9.0 on), -runas before, or not at all', () => {
    expect(
      userSwitchFromHelp('-run-with [async-teardown=on|off][,chroot=dir][user=username|uid:gid]\n'),
    ).toEqual({ kind: 'run-with' });
    expect(
      userSwitchFromHelp('-runas user     change to user id user just before starting the VM\n'),
    ).toEqual({
      kind: 'runas',
    });
    expect(userSwitchFromHelp('-sandbox on[,obsolete=allow|deny]\n')).toBeNull();
    expect(userSwitchFromHelp('')).toBeNull();
  });

  it('switches to the user just before the guest runs, allowing only that one setuid', () => {
    const runas = qemuCommand({ ...base, switchUser: { how: { kind: 'runas' }, user: 'nobody' } });
    expect(valuesAfter(runas, '-runas')).toEqual(['nobody']);
    expect(valuesAfter(runas, '-sandbox')).toEqual([
      'on,obsolete=deny,elevateprivileges=allow,spawn=deny,resourcecontrol=deny',
    ]);
    const runWith = qemuCommand({ ...base, switchUser: { how: { kind: 'run-with' }, user: 'nobody' } });
    expect(valuesAfter(runWith, '-run-with')).toEqual(['user=nobody']);
    // Without a switch (the person's own QEMU), no privilege change at all.
    expect(qemuCommand(base)).not.toContain('-runas');
  });
});

describe('chooseAccelerator', () => {
  it('falls back to emulation when /dev/kvm cannot be opened, and refuses when KVM was demanded', async () => {
    const missing = join(dir, 'no-kvm');
    expect(await chooseAccelerator('auto', missing)).toMatchObject({ ok: true, accelerator: 'tcg' });
    expect(await chooseAccelerator('kvm', missing)).toMatchObject({ ok: false });
    expect(await chooseAccelerator('tcg', missing)).toMatchObject({ ok: true, accelerator: 'tcg' });
  });
});
