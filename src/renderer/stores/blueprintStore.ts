import { create } from 'zustand';
import type { Blueprint } from '../../shared/blueprint/blueprintSchema';
import { classifyPassword } from '../../shared/blueprint/passwordKind';
import type { SourceProblem } from '../../shared/blueprint/problem';
import { api } from '../api';
import {
  type BlueprintDraft,
  blueprintOf,
  draftOf,
  emptyDraft,
  emptyUser,
  type FilesystemDraft,
  type InstallerDraft,
  type UserDraft,
} from './blueprintDraft';

export { blueprintOf, type UserDraft };

/** The form's fields are plain data (BlueprintDraft), so they can be saved and restored as they are. */
interface BlueprintState extends BlueprintDraft {
  importProblems: SourceProblem[];
  addUser(): void;
  removeUser(index: number): void;
  updateUser(index: number, patch: Partial<UserDraft>): void;
  /** Hashes the typed password in main at once; only the hash is kept. */
  setPassword(index: number, password: string): Promise<void>;
  setKernelAppend(value: string): void;
  addFilesystem(): void;
  removeFilesystem(index: number): void;
  updateFilesystem(index: number, patch: Partial<FilesystemDraft>): void;
  updateInstaller(patch: Partial<InstallerDraft>): void;
  importText(text: string, fileName?: string): Promise<boolean>;
  /** Replaces the form with a saved blueprint (a profile); its password hashes stay hashes. */
  loadBlueprint(blueprint: Blueprint): void;
}

/** The Blueprint step's form: users, kernel arguments, filesystems, installer options, the rest kept. */
export const useBlueprintStore = create<BlueprintState>((set, get) => ({
  ...emptyDraft(),
  importProblems: [],
  addUser: () => set({ users: [...get().users, emptyUser()] }),
  removeUser: (index) => set({ users: get().users.filter((_, at) => at !== index) }),
  updateUser: (index, patch) =>
    set({ users: get().users.map((user, at) => (at === index ? { ...user, ...patch } : user)) }),
  async setPassword(index, password) {
    const { hash } = await api.call('hashPassword', { password });
    get().updateUser(index, { passwordHash: hash });
  },
  setKernelAppend: (kernelAppend) => set({ kernelAppend }),
  addFilesystem: () => set({ filesystems: [...get().filesystems, { mountpoint: '', minsize: '' }] }),
  removeFilesystem: (index) => set({ filesystems: get().filesystems.filter((_, at) => at !== index) }),
  updateFilesystem: (index, patch) =>
    set({ filesystems: get().filesystems.map((row, at) => (at === index ? { ...row, ...patch } : row)) }),
  updateInstaller: (patch) => set({ installer: { ...get().installer, ...patch } }),
  loadBlueprint: (blueprint) => set({ ...draftOf(blueprint), importProblems: [] }),
  async importText(text, fileName) {
    const result = await api.call('importBlueprint', { text, ...(fileName ? { fileName } : {}) });
    if (!result.ok) {
      set({ importProblems: result.problems });
      return false;
    }
    const draft = draftOf(result.blueprint);
    // A plain password in the file is hashed before the form holds it.
    for (const user of draft.users) {
      if (user.passwordHash !== undefined && classifyPassword(user.passwordHash).kind === 'plain') {
        user.passwordHash = (await api.call('hashPassword', { password: user.passwordHash })).hash;
      }
    }
    set({ ...draft, importProblems: result.problems });
    return true;
  },
}));
