import { describe, expect, it } from 'vitest';
import { ConsoleWatch } from '../../src/core/bootTest/consoleWatch';
import { defaultTimeoutSeconds } from '../../src/core/bootTest/defaultTimeout';
import { qemuCommand } from '../../src/core/bootTest/qemuCommand';
import { bootTestMessageKey } from '../../src/shared/bootTestMessage';

const ANACONDA = 'anaconda 40.22.3 for Fedora Linux 40 started.';

describe('watching an installer ISO console', () => {
  it('the installer passes on anaconda’s start line, not on "Starting installer"', () => {
    const watch = new ConsoleWatch(40, 'installer');
    expect(watch.feed('Starting installer, one moment...\r\n')).toBeUndefined();
    expect(watch.stage()).toBeUndefined();
    expect(watch.feed(`\u001b[0m${ANACONDA}\r\n`)).toEqual({ kind: 'installerStarted', line: ANACONDA });
    expect(watch.stage()).toBe('installer');
  });

  it('an unattended install passes only on "Install finished"; anaconda starting is progress', () => {
    const watch = new ConsoleWatch(40, 'installed');
    expect(watch.feed(`${ANACONDA}\n`)).toBeUndefined();
    expect(watch.stage()).toBe('installer');
    // A log quoting the kickstart's %post is not the marker.
    expect(watch.feed('+ echo Install finished\n')).toBeUndefined();
    expect(watch.feed('Install finished\r\n')).toEqual({ kind: 'installFinished', line: 'Install finished' });
    expect(watch.stage()).toBe('installed');
  });

  it('a login prompt is no installer, and an installer line is no login', () => {
    const installer = new ConsoleWatch(40, 'installer');
    expect(installer.feed('localhost login: ')).toBeUndefined();
    const login = new ConsoleWatch();
    expect(login.feed(`${ANACONDA}\n`)).toBeUndefined();
  });

  it('a panic still fails an installer at once', () => {
    expect(new ConsoleWatch(40, 'installed').feed('Kernel panic - not syncing: VFS\n')?.kind).toBe(
      'kernelPanic',
    );
  });
});

describe('the blank install disk on the QEMU command line', () => {
  const base = {
    firmwareCode: '/fw/code',
    varsCopy: '/w/vars.fd',
    accelerator: 'tcg' as const,
    disk: { path: '/x/installer.iso', format: 'iso' as const },
    memoryMiB: 2048,
    cpus: 2,
    qmpSocket: '/w/qmp.sock',
    sshPort: 2222,
  };

  it('the ISO is a read-only CD-ROM, the blank disk a writable virtio disk named by its serial', () => {
    const args = qemuCommand({ ...base, installTarget: '/w/install-target.raw' }).join(' ');
    expect(args).toContain(
      'file.driver=file,file.filename=/x/installer.iso,format=raw,media=cdrom,readonly=on',
    );
    expect(args).toContain('id=disk1,if=none,file=/w/install-target.raw,format=raw');
    expect(args).toContain('virtio-blk-pci,drive=disk1,serial=bootstick-blank');
    expect(args).not.toMatch(/drive=disk1[^ ]*bootindex/);
  });

  it('no blank disk unless an unattended install asks for one', () => {
    expect(qemuCommand(base).join(' ')).not.toContain('disk1');
  });
});

describe('the words for an installer’s outcome', () => {
  it('says installer or install, never "login prompt", for an ISO', () => {
    expect(bootTestMessageKey({ outcome: 'booted', installer: { unattended: false } })).toBe(
      'installer.booted',
    );
    expect(bootTestMessageKey({ outcome: 'booted', installer: { unattended: true } })).toBe(
      'installer.installed',
    );
    expect(bootTestMessageKey({ outcome: 'timedOut', installer: { unattended: true } })).toBe(
      'installer.timedOutInstall',
    );
    expect(bootTestMessageKey({ outcome: 'booted', stage: 'installed' })).toBe('installer.installed');
    expect(bootTestMessageKey({ outcome: 'booted', stage: 'login' })).toBe('outcome.booted');
    expect(bootTestMessageKey({ outcome: 'kernelPanic', installer: { unattended: true } })).toBe(
      'outcome.kernelPanic',
    );
  });
});

describe('the timeout when none is given', () => {
  it('an unattended install gets osbuild’s 1800 s, anything else 300 s', () => {
    expect(defaultTimeoutSeconds({ kind: 'installer', unattended: true, kickstart: '/osbuild.ks' })).toBe(
      1800,
    );
    expect(defaultTimeoutSeconds({ kind: 'installer', unattended: false })).toBe(300);
    expect(defaultTimeoutSeconds({ kind: 'notIso' })).toBe(300);
  });

  it('an arm64 system, always emulated here, gets three times as long, at most the hour allowed', () => {
    expect(defaultTimeoutSeconds({ kind: 'notIso' }, 'aarch64')).toBe(900);
    expect(defaultTimeoutSeconds({ kind: 'installer', unattended: false }, 'aarch64')).toBe(900);
    expect(
      defaultTimeoutSeconds({ kind: 'installer', unattended: true, kickstart: '/osbuild.ks' }, 'aarch64'),
    ).toBe(3600);
    expect(defaultTimeoutSeconds({ kind: 'notIso' }, 'x86_64')).toBe(300);
  });
});
