import type { Accelerator } from '../../shared/bootTest';
import type { EfiArchitecture } from './efiArchitecture';
import { type QemuUserSwitch, userSwitchArgs } from './qemuUserSwitch';

export type DiskFormat = 'raw' | 'qcow2' | 'iso';

/**
 * A block device QEMU gets only as a descriptor its parent opened read-only and passed as this fd
 * number: QEMU never opens the device by a path, and with no read-write descriptor in its fd set
 * it cannot reopen it for writing (a `commit` fails with "Permission denied").
 */
export interface PassedDevice {
  passedFd: number;
}

/** The serial number the blank install disk shows the guest (/sys/block/vdX/serial). */
export const INSTALL_TARGET_SERIAL = 'bootstick-blank';

export interface QemuCommandInput {
  /** The guest's machine: x86-64 (q35, the default) or arm64 (virt); firmware and QEMU to match. */
  architecture?: EfiArchitecture;
  firmwareCode: string;
  /** This run's own copy of the firmware's variable store. */
  varsCopy: string;
  accelerator: Accelerator;
  disk: { path: string; format: DiskFormat } | PassedDevice;
  /**
   * A blank throw-away disk (a sparse raw file in this run's own folder) for an unattended install
   * to install onto: the only disk the guest may really write, and never a real one.
   */
  installTarget?: string;
  memoryMiB: number;
  cpus: number;
  qmpSocket: string;
  /** Host port on 127.0.0.1 forwarded to the guest's port 22. */
  sshPort: number;
  /** Become this unprivileged user once everything is open, before the guest runs (root's helper). */
  switchUser?: { how: QemuUserSwitch; user: string };
}

/**
 * A value inside one of QEMU's comma-separated option lists: a comma is written twice, or a file
 * named `my,disk.raw` would end its option there and start another (QEMU's own quoting rule).
 */
export const optionValue = (value: string) => value.replaceAll(',', ',,');

/**
 * The parts that differ between the two machines. x86-64: q35 with a standard VGA. arm64: the
 * generic virt board, its PL011 UART as the serial port (the guest's ttyAMA0), and a virtio GPU as
 * the screen (virt has no VGA; the QMP screendump reads it, and AAVMF and kernels drive it). Under
 * emulation an arm64 guest needs a CPU model: `max` (every feature QEMU emulates, so any arm64
 * system runs) with QEMU's own cheap pointer-authentication algorithm instead of the
 * architected one, which is many times slower to emulate (no guest depends on which algorithm
 * signs its pointers). Measured here: the arm64 fixture reaches its login prompt in about 9 s.
 */
function machineArgs(architecture: EfiArchitecture, accelerator: Accelerator): string[] {
  if (architecture === 'aarch64') {
    return [
      ...['-machine', `virt,accel=${accelerator}`],
      ...['-cpu', accelerator === 'kvm' ? 'host' : 'max,pauth-impdef=on'],
      ...['-device', 'virtio-gpu-pci', '-display', 'none'],
    ];
  }
  return [
    ...['-machine', `q35,accel=${accelerator}`],
    ...(accelerator === 'kvm' ? ['-cpu', 'host'] : []),
    ...['-vga', 'std', '-display', 'none'],
  ];
}

/** An ISO is a CD on a bus each machine's firmware boots CDs from: IDE on q35, virtio-scsi on virt (no IDE there). */
function cdromDevice(architecture: EfiArchitecture): string[] {
  return architecture === 'aarch64'
    ? ['-device', 'virtio-scsi-pci,id=scsi0', '-device', 'scsi-cd,bus=scsi0.0,drive=disk0,bootindex=0']
    : ['-device', 'ide-cd,drive=disk0,bootindex=0'];
}

/**
 * The QEMU command line of a boot test. Every disk is opened with `snapshot=on`: writes go to a
 * throw-away overlay, and with `-monitor none` and QMP only on a private socket nothing can
 * `commit` them back. The serial console is QEMU's stdout; the network is user-mode, restricted to
 * the guest, with SSH forwarded on loopback only.
 */
export function qemuCommand(input: QemuCommandInput): string[] {
  const architecture = input.architecture ?? 'x86_64';
  // The disk is the only boot option (bootindex, strict): OVMF would otherwise try network boot
  // through the NIC first and take minutes to give up on a disk with nothing to boot.
  const disk =
    'passedFd' in input.disk
      ? [
          ...['-add-fd', `fd=${input.disk.passedFd},set=1,opaque=boot-drive`],
          '-drive',
          'id=disk0,if=none,file.driver=host_device,file.filename=/dev/fdset/1,format=raw,snapshot=on',
          '-device',
          'virtio-blk-pci,drive=disk0,bootindex=0',
        ]
      : input.disk.format === 'iso'
        ? [
            '-drive',
            `id=disk0,if=none,file.driver=file,file.filename=${optionValue(input.disk.path)},format=raw,media=cdrom,readonly=on`,
            ...cdromDevice(architecture),
          ]
        : [
            '-drive',
            `id=disk0,if=none,file.driver=file,file.filename=${optionValue(input.disk.path)},format=${input.disk.format},snapshot=on`,
            '-device',
            'virtio-blk-pci,drive=disk0,bootindex=0',
          ];
  // Writable for real (no snapshot): it is this run's own file, removed with its folder. Its serial
  // names it to the guest; it is not a boot option (the installer boots from disk0).
  const installTarget = input.installTarget
    ? [
        ...['-drive', `id=disk1,if=none,file=${optionValue(input.installTarget)},format=raw,cache=unsafe`],
        ...['-device', `virtio-blk-pci,drive=disk1,serial=${INSTALL_TARGET_SERIAL}`],
      ]
    : [];
  return [
    ...machineArgs(architecture, input.accelerator),
    ...['-m', String(input.memoryMiB), '-smp', String(input.cpus)],
    '-nodefaults',
    ...['-monitor', 'none'],
    ...['-chardev', 'stdio,id=console,signal=off', '-serial', 'chardev:console'],
    ...['-qmp', `unix:${optionValue(input.qmpSocket)},server=on,wait=off`],
    ...['-drive', `if=pflash,format=raw,unit=0,readonly=on,file=${optionValue(input.firmwareCode)}`],
    ...['-drive', `if=pflash,format=raw,unit=1,file=${optionValue(input.varsCopy)}`],
    ...disk,
    ...installTarget,
    ...['-boot', 'strict=on'],
    ...['-netdev', `user,id=net0,restrict=on,hostfwd=tcp:127.0.0.1:${input.sshPort}-:22`],
    ...['-device', 'virtio-net-pci,netdev=net0,romfile='],
    '-no-reboot',
    ...(input.switchUser ? userSwitchArgs(input.switchUser.how, input.switchUser.user) : []),
    // QEMU's seccomp filter: no new programs, no privilege changes, no scheduler or resource
    // games, whatever a guest gets QEMU to do. Becoming an unprivileged user is itself a setuid,
    // made after the filter is in place: allowed then, and from that user there is nothing left
    // to elevate to (root's ids are all gone, and the filter forbids running anything new).
    ...[
      '-sandbox',
      `on,obsolete=deny,elevateprivileges=${input.switchUser ? 'allow' : 'deny'},spawn=deny,resourcecontrol=deny`,
    ],
  ];
}
