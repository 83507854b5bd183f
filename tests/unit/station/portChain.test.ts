import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drivePort } from '../../../src/core/station/drivePort';
import {
  idPathFromUdevInfo,
  portKeyFromIdPath,
  portKeyFromSysPath,
} from '../../../src/core/station/portChain';
import type { DriveFacts } from '../../../src/shared/drives/driveFacts';

const DIR = join(import.meta.dirname, '../../fixtures/usb-ports');
const records = readdirSync(DIR)
  .filter((file) => file.endsWith('.udevadm-info.txt'))
  .map((file) => ({
    name: file.replace('.udevadm-info.txt', ''),
    text: readFileSync(join(DIR, file), 'utf8'),
  }));

/** The sysfs path a record names (udevadm's P: is relative to /sys). */
const sysPathOf = (text: string) => `/sys${/^P: (.+)$/m.exec(text)?.[1]}`;

const EXPECTED: Record<string, string | null> = {
  'intel-xhci-root-port': 'pci-0000:00:14.0-usb-0:1',
  'seven-port-hub-chained': 'pci-0000:00:14.0-usb-0:2.4.3',
  'seven-port-hub-first': 'pci-0000:00:14.0-usb-0:2.1',
  'amd-behind-bridge': 'pci-0000:05:00.3-usb-0:1.2',
  'raspberry-pi4': 'platform-fd500000.pcie-pci-0000:01:00.0-usb-0:2',
  'rockchip-xhci': 'platform-xhci-hcd.0.auto-usb-0:1',
  'card-reader-lun1': 'pci-0000:00:14.0-usb-0:4',
  'sata-disk': null,
  'nvme-disk': null,
};

describe('a USB port chain as a slot key', () => {
  it('has an expectation for every recorded disk', () => {
    expect(records.map((record) => record.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(records)('$name: sysfs and udev name the same port', ({ name, text }) => {
    const idPath = idPathFromUdevInfo(text);
    expect(idPath).not.toBeNull();
    expect(portKeyFromIdPath(idPath as string)).toBe(EXPECTED[name]);
    expect(portKeyFromSysPath(sysPathOf(text))).toBe(EXPECTED[name]);
  });

  it('tells two ports of one hub apart, and one port across two LUNs as one', () => {
    const key = (name: string) => EXPECTED[name];
    expect(key('seven-port-hub-chained')).not.toBe(key('seven-port-hub-first'));
    expect(portKeyFromIdPath('pci-0000:00:14.0-usb-0:4:1.0-scsi-0:0:0:0')).toBe(key('card-reader-lun1'));
  });

  it('ignores which SCSI host number the kernel gave this insert', () => {
    const first = '/sys/devices/pci0000:00/0000:00:14.0/usb2/2-3/2-3:1.0/host2/target2:0:0/2:0:0:0/block/sdb';
    const again = '/sys/devices/pci0000:00/0000:00:14.0/usb2/2-3/2-3:1.0/host9/target9:0:0/9:0:0:0/block/sdc';
    expect(portKeyFromSysPath(first)).toBe(portKeyFromSysPath(again));
  });

  it('finds no port for a virtual device or a property list without ID_PATH', () => {
    expect(portKeyFromSysPath('/sys/devices/virtual/block/loop0')).toBeNull();
    expect(idPathFromUdevInfo('E: DEVNAME=/dev/loop0\nE: SUBSYSTEM=block\n')).toBeNull();
  });
});

describe('a loop drive as a stick (the test seam)', () => {
  const loop: DriveFacts = {
    path: '/dev/loop7',
    description: 'stick.img',
    size: 64 * 1024 * 1024,
    busType: 'VIRTUAL',
    removable: true,
    readOnly: false,
    drivelistSystem: false,
    virtual: true,
    backingFile: '/tmp/x/stick.img',
    mountpoints: [],
    systemMounts: [],
    holders: [],
    mmcType: null,
  };

  it('is in no port unless the seam is chosen', async () => {
    expect(await drivePort(loop, { loopBackingFileIsPort: false })).toBeNull();
    expect(await drivePort(loop, { loopBackingFileIsPort: true })).toBe('loop:/tmp/x/stick.img');
  });
});
