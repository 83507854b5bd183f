import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSettingsStore } from '../../src/core/store/settingsStore';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

const freshDir = () => mkdtemp(join(tmpdir(), 'bootstick-settings-'));

describe('settingsStore', () => {
  it('starts from defaults and keeps what was saved across restarts, in a private file', async () => {
    const dir = await freshDir();
    const store = await openSettingsStore(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    await store.update({ showVirtualDrives: true, language: 'ko' });
    const reopened = await openSettingsStore(dir);
    expect(reopened.get()).toEqual({ ...DEFAULT_SETTINGS, showVirtualDrives: true, language: 'ko' });
    expect((await stat(join(dir, 'settings.json'))).mode & 0o777).toBe(0o600);
    expect((await readdir(dir)).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('moves an unreadable settings file aside instead of overwriting it', async () => {
    const dir = await freshDir();
    await writeFile(join(dir, 'settings.json'), '{ "language": "ko", oops');
    const store = await openSettingsStore(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    const kept = (await readdir(dir)).find((file) => file.startsWith('settings.json.invalid-'));
    expect(kept).toBeDefined();
    expect(await readFile(join(dir, kept ?? ''), 'utf8')).toBe('{ "language": "ko", oops');
  });

  it('reads a settings file from before the theme setting as following the system', async () => {
    const dir = await freshDir();
    await writeFile(join(dir, 'settings.json'), '{ "language": "ko", "showVirtualDrives": true }');
    const store = await openSettingsStore(dir);
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, language: 'ko', showVirtualDrives: true });
    expect(store.get().theme).toBe('system');
    await store.update({ theme: 'dark' });
    expect((await openSettingsStore(dir)).get().theme).toBe('dark');
    await expect(store.update({ theme: 'purple' as never })).rejects.toThrow();
  });

  it('refuses an invalid update and keeps the old settings', async () => {
    const store = await openSettingsStore(await freshDir());
    await expect(store.update({ largeDriveThresholdBytes: -5 })).rejects.toThrow();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
  });
});
