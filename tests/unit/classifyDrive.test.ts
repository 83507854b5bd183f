import { describe, expect, it } from 'vitest';
import { type ClassifyContext, classifyDrive } from '../../src/shared/drives/classifyDrive';
import type { ReasonCode } from '../../src/shared/drives/driveView';
import { DEFAULT_LARGE_DRIVE_THRESHOLD_BYTES } from '../../src/shared/settings';
import { FIXTURE_NAMES, fixtureFacts } from '../support/driveFixtures';

const NO_IMAGE: ClassifyContext = {
  image: null,
  largeDriveThresholdBytes: DEFAULT_LARGE_DRIVE_THRESHOLD_BYTES,
};
const codes = (name: string, context = NO_IMAGE) =>
  classifyDrive(fixtureFacts(name), context).reasons.map((reason) => reason.code);

describe('classifyDrive over recorded hardware', () => {
  it('covers every recorded drive', () => {
    expect(FIXTURE_NAMES.sort()).toEqual([
      'card-reader-no-card',
      'internal-mmcblk-reader',
      'nvme-system-disk',
      'raid-member',
      'sd-card-usb-reader',
      'usb-disk-2tb',
      'usb-stick',
      'write-protected-sd',
    ]);
  });

  it.each([
    ['usb-stick', 'selectable', false, []],
    ['sd-card-usb-reader', 'selectable', false, []],
    ['internal-mmcblk-reader', 'selectable', false, []],
    ['nvme-system-disk', 'refused', true, ['system', 'inUse', 'large']],
    ['write-protected-sd', 'refused', false, ['readOnly']],
    ['usb-disk-2tb', 'warning', false, ['large']],
    ['card-reader-no-card', 'refused', false, ['noMedia']],
    ['raid-member', 'refused', true, ['system', 'raidMember', 'large']],
  ] as const)('%s is %s (hidden: %s) because %j', (name, status, hidden, expected) => {
    const verdict = classifyDrive(fixtureFacts(name), NO_IMAGE);
    expect(verdict.status).toBe(status);
    expect(verdict.hidden).toBe(hidden);
    expect(verdict.reasons.map((reason) => reason.code)).toEqual(expected);
  });

  it('names the system mounts found below LVM, which drivelist alone misses', () => {
    const [system] = classifyDrive(fixtureFacts('nvme-system-disk'), NO_IMAGE).reasons;
    expect(system?.detail).toBe('/boot/efi, /boot, /, /home, [SWAP]');
  });

  it('treats an internal SD card as a system drive when the system runs from it', () => {
    const facts = { ...fixtureFacts('internal-mmcblk-reader'), systemMounts: ['/'] };
    expect(classifyDrive(facts, NO_IMAGE).reasons.map((reason) => reason.code)).toEqual(['system']);
  });

  it('keeps an internal eMMC (not an SD card) a system drive, as drivelist says', () => {
    const facts = { ...fixtureFacts('internal-mmcblk-reader'), mmcType: 'MMC' };
    expect(classifyDrive(facts, NO_IMAGE).status).toBe('refused');
  });

  it('refuses a removable drive that is mounted at /, whatever drivelist says', () => {
    const facts = { ...fixtureFacts('usb-stick'), systemMounts: ['/'] };
    const verdict = classifyDrive(facts, NO_IMAGE);
    expect(verdict.status).toBe('refused');
    expect(verdict.hidden).toBe(true);
  });

  it('refuses a USB RAID member that drivelist would call removable', () => {
    const facts = { ...fixtureFacts('usb-stick'), holders: ['md0'] };
    expect(classifyDrive(facts, NO_IMAGE).reasons.map((reason) => reason.code)).toEqual(['raidMember']);
  });
});

describe('classifyDrive against a selected image', () => {
  const stickSize = fixtureFacts('usb-stick').size ?? 0;

  it('refuses the drive that holds the image', () => {
    const context = { ...NO_IMAGE, image: { size: 1e9, diskPaths: ['/dev/sdb'] } };
    expect(codes('usb-stick', context)).toEqual(['holdsImage']);
  });

  it('refuses a drive one byte smaller than the image, and allows one exactly its size', () => {
    const tooBig = { ...NO_IMAGE, image: { size: stickSize + 1, diskPaths: [] } };
    expect(classifyDrive(fixtureFacts('usb-stick'), tooBig).status).toBe('refused');
    expect(codes('usb-stick', tooBig)).toEqual(['tooSmall']);
    const exact = { ...NO_IMAGE, image: { size: stickSize, diskPaths: [] } };
    expect(classifyDrive(fixtureFacts('usb-stick'), exact).status).toBe('selectable');
  });

  it('does not call an empty reader "too small": it has no media', () => {
    const context = { ...NO_IMAGE, image: { size: 1e9, diskPaths: [] } };
    expect(codes('card-reader-no-card', context)).toEqual(['noMedia']);
  });
});

describe('the large-drive threshold', () => {
  it('does not warn about a 256 GB stick at the default threshold', () => {
    const stick = { ...fixtureFacts('usb-stick'), size: 256_060_514_304 };
    expect(classifyDrive(stick, NO_IMAGE).status).toBe('selectable');
  });

  it('follows the setting', () => {
    const context = { ...NO_IMAGE, largeDriveThresholdBytes: 16e9 };
    expect(codes('usb-stick', context)).toEqual(['large']);
  });
});

describe('virtual drives', () => {
  const loop = {
    ...fixtureFacts('usb-stick'),
    path: '/dev/loop3',
    busType: 'VIRTUAL',
    virtual: true,
    backingFile: '/var/tmp/stick.img',
    drivelistSystem: false,
    mountpoints: [],
    systemMounts: [],
  };

  it('are selectable and say what file backs them', () => {
    const verdict = classifyDrive(loop, NO_IMAGE);
    expect(verdict.status).toBe('selectable');
    expect(verdict.reasons).toEqual([{ code: 'virtual' satisfies ReasonCode, detail: '/var/tmp/stick.img' }]);
  });
});
