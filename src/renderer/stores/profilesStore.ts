import { create } from 'zustand';
import type { ProfileSummary } from '../../shared/blueprint/profile';
import { api } from '../api';
import { blueprintOf, useBlueprintStore } from './blueprintStore';
import { useBuildStore } from './buildStore';
import { messageOf } from './messageOf';

/** What a profile action answers: null when it worked, else why not, in words. */
export type Outcome = string | null;

interface ProfilesState {
  profiles: ProfileSummary[];
  loaded: boolean;
  error: string | null;
  load(): Promise<void>;
  /** Saves the Blueprint step's form as it is now (passwords are already hashes there). */
  saveCurrent(name: string): Promise<Outcome>;
  /** Replaces the Blueprint step's form with the profile. */
  loadIntoForm(name: string): Promise<Outcome>;
  rename(from: string, to: string): Promise<Outcome>;
  remove(name: string): Promise<Outcome>;
  /** The profile as the plain bib config.toml it stands for. */
  exportToml(name: string): Promise<{ text: string } | { error: string }>;
}

/** The Profiles tool: named blueprints stored by main, listed by name. */
export const useProfilesStore = create<ProfilesState>((set, get) => {
  /** Runs an action, then refreshes the list; a failure becomes the words to show. */
  async function attempt(action: () => Promise<unknown>): Promise<Outcome> {
    try {
      await action();
      await get().load();
      return null;
    } catch (error) {
      return messageOf(error);
    }
  }
  return {
    profiles: [],
    loaded: false,
    error: null,
    async load() {
      try {
        set({ profiles: await api.call('listProfiles', {}), loaded: true, error: null });
      } catch (error) {
        set({ loaded: true, error: messageOf(error) });
      }
    },
    saveCurrent: (name) => {
      // The Build step's "updates from" travels with the blueprint (checked by main on saving).
      const updatesFrom = useBuildStore.getState().updatesFrom.trim();
      return attempt(() =>
        api.call('saveProfile', {
          name,
          blueprint: blueprintOf(useBlueprintStore.getState()),
          ...(updatesFrom ? { updatesFrom } : {}),
        }),
      );
    },
    async loadIntoForm(name) {
      try {
        const profile = await api.call('getProfile', { name });
        if (!profile) return `There is no profile named ${JSON.stringify(name)}.`;
        useBlueprintStore.getState().loadBlueprint(profile.blueprint);
        useBuildStore.getState().setUpdatesFrom(profile.updatesFrom ?? '');
        return null;
      } catch (error) {
        return messageOf(error);
      }
    },
    rename: (from, to) => attempt(() => api.call('renameProfile', { from, to })),
    remove: (name) => attempt(() => api.call('deleteProfile', { name })),
    async exportToml(name) {
      try {
        return await api.call('exportProfile', { name });
      } catch (error) {
        return { error: messageOf(error) };
      }
    },
  };
});
