import { create } from 'zustand';
import type { Settings, SettingsPatch } from '../../shared/settings';
import { api } from '../api';
import { applyLanguage } from '../i18n';

interface SettingsState {
  settings: Settings | null;
  load(): Promise<void>;
  update(patch: SettingsPatch): Promise<void>;
  received(settings: Settings): void;
}

/** The app's persisted settings, owned by main; this store mirrors them. */
export const useSettingsStore = create<SettingsState>((set) => ({
  settings: null,
  async load() {
    const settings = await api.call('getSettings', {});
    applyLanguage(settings.language);
    set({ settings });
  },
  async update(patch) {
    const settings = await api.call('updateSettings', patch);
    applyLanguage(settings.language);
    set({ settings });
  },
  received(settings) {
    applyLanguage(settings.language);
    set({ settings });
  },
}));
