import { create } from 'zustand';
import type { Blueprint } from '../../shared/blueprint/blueprintSchema';
import { classifyPassword } from '../../shared/blueprint/passwordKind';
import type { SourceProblem } from '../../shared/blueprint/problem';
import { api } from '../api';

/** One user as the form edits it. The password is only ever held as its hash. */
export interface UserDraft {
  name: string;
  /** SHA-512 crypt hash, '' for a locked account, undefined for "no password". */
  passwordHash: string | undefined;
  key: string;
  /** Comma-separated, as typed. */
  groups: string;
}

interface BlueprintState {
  users: UserDraft[];
  kernelAppend: string;
  /** What the form does not edit (filesystem, installer, …), kept from an import as it was. */
  rest: Blueprint;
  importProblems: SourceProblem[];
  addUser(): void;
  removeUser(index: number): void;
  updateUser(index: number, patch: Partial<UserDraft>): void;
  /** Hashes the typed password in main at once; only the hash is kept. */
  setPassword(index: number, password: string): Promise<void>;
  setKernelAppend(value: string): void;
  importText(text: string, fileName?: string): Promise<boolean>;
  /** Replaces the form with a saved blueprint (a profile); its password hashes stay hashes. */
  loadBlueprint(blueprint: Blueprint): void;
}

const emptyUser = (): UserDraft => ({ name: '', passwordHash: undefined, key: '', groups: 'wheel' });

function draftOf(blueprint: Blueprint): Pick<BlueprintState, 'users' | 'kernelAppend' | 'rest'> {
  const { user = [], kernel, ...customizations } = blueprint.customizations ?? {};
  const { append, ...kernelRest } = kernel ?? {};
  const rest: Blueprint = { ...blueprint, customizations: { ...customizations } };
  if (Object.keys(kernelRest).length > 0 && rest.customizations) rest.customizations.kernel = kernelRest;
  return {
    users: user.map((entry) => ({
      name: entry.name,
      passwordHash: entry.password,
      key: entry.key ?? '',
      groups: (entry.groups ?? []).join(', '),
    })),
    kernelAppend: append ?? '',
    rest,
  };
}

/** The blueprint bib gets, from the form: what `exportBlueprint` and `startBuild` receive. */
export function blueprintOf(state: Pick<BlueprintState, 'users' | 'kernelAppend' | 'rest'>): Blueprint {
  const users = state.users.map((draft) => {
    const groups = draft.groups
      .split(',')
      .map((group) => group.trim())
      .filter((group) => group !== '');
    const rest = state.rest.customizations?.user?.find((entry) => entry.name === draft.name);
    return {
      ...rest,
      name: draft.name,
      ...(draft.passwordHash !== undefined ? { password: draft.passwordHash } : {}),
      ...(draft.key.trim() !== '' ? { key: draft.key.trim() } : {}),
      ...(groups.length > 0 ? { groups } : {}),
    };
  });
  const customizations = { ...state.rest.customizations };
  if (users.length > 0) customizations.user = users;
  else delete customizations.user;
  if (state.kernelAppend.trim() !== '')
    customizations.kernel = { ...customizations.kernel, append: state.kernelAppend.trim() };
  return { ...state.rest, customizations };
}

/** The Blueprint step's form: users, kernel arguments, and what an import brought along. */
export const useBlueprintStore = create<BlueprintState>((set, get) => ({
  users: [],
  kernelAppend: '',
  rest: {},
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
