import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch, SettingsSchema } from '../../shared/settings';
import { writeFileAtomic } from './writeFileAtomic';

export interface SettingsStore {
  get(): Settings;
  update(patch: SettingsPatch): Promise<Settings>;
}

/**
 * Settings kept as JSON in the app data directory. A file that does not parse is moved aside
 * (never silently overwritten) and defaults are used, so nothing a person set is lost unseen.
 */
export async function openSettingsStore(dataDir: string): Promise<SettingsStore> {
  const file = join(dataDir, 'settings.json');
  let settings = { ...DEFAULT_SETTINGS };
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text !== null) {
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // handled below, like any other invalid content
    }
    const parsed = SettingsSchema.partial().safeParse(json);
    if (parsed.success) settings = { ...settings, ...parsed.data };
    else await rename(file, `${file}.invalid-${Date.now()}`);
  }
  return {
    get: () => settings,
    async update(patch) {
      const next = SettingsSchema.parse({ ...settings, ...patch });
      await writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`);
      settings = next;
      return settings;
    },
  };
}
