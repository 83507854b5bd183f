import { describe, expect, it } from 'vitest';
import type { DriveFacts } from '../../../src/shared/drives/driveFacts';
import { en, ko } from '../../../src/shared/i18n/catalogue';
import { translateFrom } from '../../../src/shared/i18n/translate';
import { describeStationRefusal } from '../../../src/shared/station/describeStationRefusal';
import { type StationRuleContext, stationRefusals } from '../../../src/shared/station/stationRules';
import { fixtureFacts } from '../../support/driveFixtures';

const GiB = 1024 ** 3;
const CONTEXT: StationRuleContext = {
  image: { size: 4 * GiB, diskPaths: ['/dev/nvme0n1'] },
  minBytes: 8 * GiB,
  maxBytes: 64 * GiB,
  allowVirtual: false,
};
const codes = (facts: DriveFacts, context = CONTEXT) =>
  stationRefusals(facts, context).map((reason) => reason.code);
const unmounted = (name: string): DriveFacts => ({
  ...fixtureFacts(name),
  mountpoints: [],
  systemMounts: [],
});

describe('the rules a stick passes to be written without a question', () => {
  it('writes an unmounted USB stick in the armed size range', () => {
    expect(codes(unmounted('usb-stick'))).toEqual([]);
    expect(codes(unmounted('sd-card-usb-reader'))).toEqual([]);
  });

  it('refuses a stick the desktop mounted, saying where', () => {
    expect(stationRefusals(fixtureFacts('usb-stick'), CONTEXT)).toEqual([
      { code: 'mounted', detail: '/media/alex/UBUNTU 24_0' },
    ]);
  });

  it('refuses the system disk, which is neither USB nor removable and holds the image', () => {
    expect(codes(fixtureFacts('nvme-system-disk'))).toEqual(
      expect.arrayContaining(['system', 'holdsImage', 'notUsb', 'notRemovable', 'mounted', 'aboveRange']),
    );
  });

  it('refuses sticks outside the armed range, and one too small for the image', () => {
    const stick = unmounted('usb-stick');
    expect(codes({ ...stick, size: 2 * GiB })).toEqual(['tooSmall', 'belowRange']);
    expect(codes({ ...stick, size: 6 * GiB })).toEqual(['belowRange']);
    expect(codes({ ...stick, size: 128 * GiB })).toEqual(['aboveRange']);
    expect(codes(unmounted('usb-disk-2tb'))).toEqual(['aboveRange']);
  });

  it('refuses a write-protected card and an empty reader', () => {
    expect(codes(unmounted('write-protected-sd'))).toContain('readOnly');
    expect(codes(unmounted('card-reader-no-card'))).toContain('noMedia');
  });

  it('takes a loop drive for a USB stick only when virtual drives stand in for sticks', () => {
    const loop: DriveFacts = {
      ...unmounted('usb-stick'),
      busType: 'VIRTUAL',
      virtual: true,
      backingFile: '/tmp/s.img',
    };
    expect(codes(loop)).toEqual(['notUsb']);
    expect(codes(loop, { ...CONTEXT, allowVirtual: true })).toEqual([]);
  });
});

describe('why a stick was refused, in words', () => {
  const reasons = [
    { code: 'presentAtArm' },
    { code: 'disarmed' },
    { code: 'paused' },
    { code: 'notUsb', detail: 'SATA' },
    { code: 'notRemovable' },
    { code: 'mounted', detail: '/media/x' },
    { code: 'belowRange', detail: String(8 * GiB) },
    { code: 'aboveRange', detail: String(64 * GiB) },
    { code: 'helperRefused', detail: '/dev/sdb is a partition.' },
    { code: 'tooSmall', detail: String(4 * GiB) },
    { code: 'system' },
  ];

  it.each([
    ['en', en],
    ['ko', ko],
  ] as const)('has %s words for every reason', (locale, catalogue) => {
    const translate = translateFrom(catalogue);
    for (const reason of reasons) {
      const words = describeStationRefusal(reason, translate, locale);
      expect(words).not.toMatch(/^(station|drives)\.reason\./);
      if (reason.detail && !/^\d+$/.test(reason.detail)) expect(words).toContain(reason.detail);
    }
  });

  it('shows the range as a size', () => {
    const words = describeStationRefusal({ code: 'belowRange', detail: String(8 * GiB) }, translateFrom(en));
    expect(words).toMatch(/8(\.\d+)? GiB|8\.6 GB/);
  });
});
