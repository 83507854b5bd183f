import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDrivesService } from '../../src/core/drives/drivesService';
import type { DriveFacts } from '../../src/shared/drives/driveFacts';
import type { DriveView } from '../../src/shared/drives/driveView';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings';
import { fixtureFacts } from '../support/driveFixtures';

function setup(initial: DriveFacts[]) {
  let facts = initial;
  let settings: Settings = { ...DEFAULT_SETTINGS };
  const changes: DriveView[][] = [];
  const gather = vi.fn(async () => facts);
  const service = createDrivesService({
    gather,
    getSettings: () => settings,
    onChange: (drives) => changes.push(drives),
    intervalMs: 10,
  });
  return {
    service,
    gather,
    changes,
    setFacts: (next: DriveFacts[]) => {
      facts = next;
    },
    setSettings: (next: Partial<Settings>) => {
      settings = { ...settings, ...next };
    },
  };
}

describe('drivesService', () => {
  let stop = () => {};
  afterEach(() => stop());

  it('publishes a list only when something a person would see changed', async () => {
    const { service, changes, setFacts } = setup([fixtureFacts('usb-stick')]);
    await service.refresh();
    await service.refresh();
    expect(changes).toHaveLength(1);
    setFacts([fixtureFacts('usb-stick'), fixtureFacts('sd-card-usb-reader')]);
    await service.refresh();
    expect(changes.map((list) => list.map((drive) => drive.path))).toEqual([
      ['/dev/sdb'],
      ['/dev/sdb', '/dev/sdc'],
    ]);
  });

  it('polls on its own once started, and stops when told', async () => {
    const { service, gather, changes, setFacts } = setup([]);
    service.start();
    stop = () => service.stop();
    setFacts([fixtureFacts('usb-stick')]);
    await vi.waitFor(() => expect(changes.at(-1)?.map((drive) => drive.path)).toEqual(['/dev/sdb']));
    service.stop();
    const calls = gather.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(gather.mock.calls.length).toBe(calls);
  });

  it('re-judges drives against a newly selected image without enumerating again', async () => {
    const { service, gather, changes } = setup([fixtureFacts('usb-stick')]);
    await service.refresh();
    const enumerations = gather.mock.calls.length;
    service.setImage({ path: '/img', size: 64e9, diskPaths: [] });
    expect(gather.mock.calls.length).toBe(enumerations);
    expect(changes.at(-1)?.[0]?.verdict.reasons.map((reason) => reason.code)).toEqual(['tooSmall']);
    service.setImage(null);
    expect(changes.at(-1)?.[0]?.verdict.status).toBe('selectable');
  });

  it('asks for virtual drives only when the setting is on', async () => {
    const { service, gather, setSettings } = setup([]);
    await service.refresh();
    expect(gather).toHaveBeenLastCalledWith({ includeVirtual: false });
    setSettings({ showVirtualDrives: true });
    await service.settingsChanged();
    expect(gather).toHaveBeenLastCalledWith({ includeVirtual: true });
  });

  it('shares one enumeration between overlapping refreshes', async () => {
    const { service, gather } = setup([fixtureFacts('usb-stick')]);
    const [first, second] = await Promise.all([service.refresh(), service.refresh()]);
    expect(first).toBe(second);
    expect(gather).toHaveBeenCalledTimes(1);
  });
});
