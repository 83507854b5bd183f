import { describe, expect, it, vi } from 'vitest';
import { dispatchCall } from '../../src/main/dispatchCall';
import type { Handlers } from '../../src/shared/api';
import { AppError } from '../../src/shared/errors';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    listDrives: vi.fn(async () => []),
    getSettings: vi.fn(async () => DEFAULT_SETTINGS),
    updateSettings: vi.fn(async (patch) => ({ ...DEFAULT_SETTINGS, ...patch })),
    loadDraft: vi.fn(async () => null),
    saveDraft: vi.fn(async () => true as const),
    selectImage: vi.fn(async () => null),
    startFlash: vi.fn(async () => ({ jobId: 'job-1' })),
    cancelFlash: vi.fn(async () => ({ cancelled: [] })),
    startVerify: vi.fn(async () => ({ jobId: 'verify-1' })),
    listReports: vi.fn(async () => []),
    exportReport: vi.fn(async () => ({ fileName: 'r.csv', mimeType: 'text/csv', content: '' })),
    hashPassword: vi.fn(async () => ({ hash: '$6$salt$hash' })),
    inspectSshKeys: vi.fn(async () => ({ ok: true as const, keys: [] })),
    importBlueprint: vi.fn(),
    checkBlueprint: vi.fn(async () => []),
    exportBlueprint: vi.fn(async () => ({ ok: true as const, text: '' })),
    listProfiles: vi.fn(async () => []),
    getProfile: vi.fn(async () => null),
    saveProfile: vi.fn(),
    renameProfile: vi.fn(),
    deleteProfile: vi.fn(async () => false),
    exportProfile: vi.fn(async () => ({ text: '' })),
    startDiskImageBuild: vi.fn(async () => ({ buildId: 'build-1' })),
    cancelDiskImageBuild: vi.fn(async () => ({ cancelled: false })),
    listBuilds: vi.fn(async () => []),
    readBuildLog: vi.fn(async () => ({ text: '' })),
    startContainerImageBuild: vi.fn(async () => ({ buildId: 'image-1' })),
    cancelContainerImageBuild: vi.fn(async () => ({ cancelled: false })),
    openFileDialog: vi.fn(async () => ({ path: null })),
    listBuilderImages: vi.fn(async () => ({
      allowed: [],
      file: '/etc/bootstick/builders.conf',
      fromFile: false,
    })),
    listLocalImages: vi.fn(async () => ({ available: true, problem: null, images: [] })),
    listExamples: vi.fn(async () => []),
    copyExample: vi.fn(),
    listStationPorts: vi.fn(async () => []),
    armStation: vi.fn(),
    pauseStation: vi.fn(),
    disarmStation: vi.fn(),
    getStation: vi.fn(),
    compareUpdate: vi.fn(),
    startPush: vi.fn(async () => ({ jobId: 'push-1' })),
    cancelPush: vi.fn(async () => ({ cancelled: false })),
    startBootTest: vi.fn(async () => ({ jobId: 'boot-1' })),
    cancelBootTest: vi.fn(async () => ({ cancelled: false })),
    getBootTestHost: vi.fn(async () => ({
      qemu: null,
      firmware: null,
      arm64: { qemu: null, firmware: null },
      accelerator: 'tcg' as const,
      acceleratorReason: 'test',
      memoryMiB: 0,
      cpus: 0,
    })),
    ejectStationDrives: vi.fn(),
    ...overrides,
  };
}

const silent = () => {};

describe('dispatchCall: the boundary every renderer call crosses', () => {
  it('answers a valid call with its value', async () => {
    const result = await dispatchCall(handlers(), 'updateSettings', { language: 'ko' }, silent);
    expect(result).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, language: 'ko' } });
  });

  it('refuses an unknown call by name, and runs nothing', async () => {
    const result = await dispatchCall(handlers(), 'flashEverything', {}, silent);
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknownCall', message: 'Bootstick has no call named "flashEverything".' },
    });
  });

  it('refuses a prototype key posing as a call name', async () => {
    const result = await dispatchCall(handlers(), 'constructor', {}, silent);
    expect(result.ok).toBe(false);
  });

  it.each([
    ['a wrong type', { showVirtualDrives: 'yes' }],
    ['an unknown key', { showVirtualDrives: true, runAsRoot: true }],
    ['a negative threshold', { largeDriveThresholdBytes: -1 }],
    ['an unknown language', { language: 'xx' }],
    ['no object at all', null],
  ])('refuses settings with %s before the handler runs', async (_, input) => {
    const all = handlers();
    const result = await dispatchCall(all, 'updateSettings', input, silent);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalidInput');
      expect(result.error.message).toMatch(/^Invalid input for updateSettings/);
    }
    expect(all.updateSettings).not.toHaveBeenCalled();
  });

  it('passes an AppError through with its code and message', async () => {
    const all = handlers({
      selectImage: async () => {
        throw new AppError('imageNotFound', 'The image file /x does not exist or cannot be read.');
      },
    });
    expect(await dispatchCall(all, 'selectImage', { path: '/x' }, silent)).toEqual({
      ok: false,
      error: { code: 'imageNotFound', message: 'The image file /x does not exist or cannot be read.' },
    });
  });

  it('turns an unexpected exception into a plain message and logs the details', async () => {
    const log = vi.fn();
    const all = handlers({
      listDrives: async () => {
        throw new Error('lsblk exploded');
      },
    });
    const result = await dispatchCall(all, 'listDrives', {}, log);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: 'Bootstick hit an unexpected problem in listDrives. The log has details.',
      },
    });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('lsblk exploded'));
  });

  it('catches a handler whose answer breaks the contract', async () => {
    const all = handlers({ listDrives: async () => [{ path: 42 }] as never });
    const result = await dispatchCall(all, 'listDrives', {}, silent);
    expect(result.ok).toBe(false);
  });
});
