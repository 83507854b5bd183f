import { describe, expect, it } from 'vitest';
import type { DriveView, Reason } from '../../src/shared/drives/driveView';
import { planRetry } from '../../src/shared/drives/retryTargets';
import {
  allTypedNamesMatch,
  deviceNameOf,
  drivesNeedingTypedName,
  typedNameMatches,
} from '../../src/shared/drives/typedConfirmation';
import type { DriveOutcome } from '../../src/shared/flash';

function drive(
  path: string,
  reasons: Reason[] = [],
  status: DriveView['verdict']['status'] = 'selectable',
): DriveView {
  return {
    path,
    description: 'SanDisk Cruzer',
    size: 32e9,
    bus: 'USB',
    removable: true,
    virtual: false,
    readOnly: false,
    mountpoints: [],
    backingFile: null,
    verdict: { status, hidden: false, reasons },
  };
}

const large = (path: string) => drive(path, [{ code: 'large', detail: '300000000000' }], 'warning');

function outcome(path: string, status: DriveOutcome['status']): DriveOutcome {
  return {
    drive: { path, model: 'SanDisk Cruzer', serial: null, size: 32e9, bus: 'USB' },
    status,
    startedAt: '2026-01-01T00:00:00.000Z',
    endedAt: '2026-01-01T00:01:00.000Z',
    bytesWritten: 0,
    verified: null,
    error: null,
    writeMode: null,
    wipedSignatures: [],
  };
}

describe('typing a warned drive’s name before erasing it', () => {
  it('asks for the kernel device name, the one thing two identical sticks never share', () => {
    expect(deviceNameOf('/dev/sdb')).toBe('sdb');
    expect(deviceNameOf('/dev/mmcblk0')).toBe('mmcblk0');
    expect(deviceNameOf('/dev/loop7')).toBe('loop7');
  });

  it('asks only for drives with a warning, not for plain or merely virtual ones', () => {
    const virtual = drive('/dev/loop3', [{ code: 'virtual', detail: '/tmp/x.img' }]);
    const picked = [drive('/dev/sdb'), large('/dev/sdc'), virtual];
    expect(drivesNeedingTypedName(picked).map((each) => each.path)).toEqual(['/dev/sdc']);
  });

  it('accepts the device name or the full path, forgiving surrounding spaces, and nothing else', () => {
    expect(typedNameMatches('/dev/sdc', 'sdc')).toBe(true);
    expect(typedNameMatches('/dev/sdc', ' sdc ')).toBe(true);
    expect(typedNameMatches('/dev/sdc', '/dev/sdc')).toBe(true);
    expect(typedNameMatches('/dev/sdc', 'sdb')).toBe(false);
    expect(typedNameMatches('/dev/sdc', 'SDC')).toBe(false);
    expect(typedNameMatches('/dev/sdc', 'sd')).toBe(false);
    expect(typedNameMatches('/dev/sdc', '')).toBe(false);
  });

  it('enables Erase only once every warned drive is named, and at once when none is warned', () => {
    const picked = [drive('/dev/sdb'), large('/dev/sdc'), large('/dev/sdd')];
    expect(allTypedNamesMatch([drive('/dev/sdb')], {})).toBe(true);
    expect(allTypedNamesMatch(picked, {})).toBe(false);
    expect(allTypedNamesMatch(picked, { '/dev/sdc': 'sdc' })).toBe(false);
    expect(allTypedNamesMatch(picked, { '/dev/sdc': 'sdc', '/dev/sdd': 'sdc' })).toBe(false);
    expect(allTypedNamesMatch(picked, { '/dev/sdc': 'sdc', '/dev/sdd': 'sdd' })).toBe(true);
  });
});

describe('retrying the failed drives of a job', () => {
  const outcomes = [
    outcome('/dev/sdb', 'verified'),
    outcome('/dev/sdc', 'failed'),
    outcome('/dev/sdd', 'cancelled'),
    outcome('/dev/sde', 'failed'),
    outcome('/dev/sdf', 'failed'),
  ];

  it('takes only failed and cancelled drives, judged by the drives present now', () => {
    const tooSmall = drive('/dev/sde', [{ code: 'tooSmall', detail: '64000000000' }], 'refused');
    const present = [drive('/dev/sdb'), drive('/dev/sdc'), large('/dev/sdd'), tooSmall];
    const plan = planRetry(outcomes, present);
    expect(plan.drives.map((each) => each.path)).toEqual(['/dev/sdc', '/dev/sdd']);
    expect(plan.refused.map((each) => each.path)).toEqual(['/dev/sde']);
    expect(plan.gone).toEqual(['/dev/sdf']);
  });

  it('leaves nothing to retry when every drive verified', () => {
    const plan = planRetry([outcome('/dev/sdb', 'verified')], [drive('/dev/sdb')]);
    expect(plan).toEqual({ drives: [], gone: [], refused: [] });
  });
});
