import type { Blueprint } from '../../shared/blueprint/blueprintSchema';
import { type BlueprintDraft, emptyDraft, emptyInstaller, emptyUser } from './blueprintDraft';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Takes, from `saved`, only the fields `template` has, and only when their type matches. */
function sameShape<T extends object>(template: T, saved: unknown): T {
  if (!isRecord(saved)) return template;
  const result = { ...template } as Record<string, unknown>;
  for (const [key, value] of Object.entries(template)) {
    const candidate = saved[key];
    if (typeof candidate === typeof value && candidate !== null) result[key] = candidate;
  }
  return result as T;
}

/**
 * A saved Blueprint form (from the draft of an earlier run, maybe an older version of the app),
 * as the form of this version: unknown fields dropped, missing ones empty. Main already refused
 * any draft holding a plain password or a private key.
 */
export function blueprintDraftFrom(saved: Record<string, unknown>): BlueprintDraft {
  const draft = emptyDraft();
  const users = Array.isArray(saved.users) ? saved.users : [];
  const filesystems = Array.isArray(saved.filesystems) ? saved.filesystems : [];
  return {
    users: users.filter(isRecord).map((user) => {
      const restored = sameShape(emptyUser(), user);
      // undefined ("no password") does not survive JSON, so the hash is taken on its own.
      return {
        ...restored,
        passwordHash: typeof user.passwordHash === 'string' ? user.passwordHash : undefined,
      };
    }),
    kernelAppend: typeof saved.kernelAppend === 'string' ? saved.kernelAppend : draft.kernelAppend,
    filesystems: filesystems.filter(isRecord).map((row) => sameShape({ mountpoint: '', minsize: '' }, row)),
    installer: sameShape(emptyInstaller(), saved.installer),
    rest: isRecord(saved.rest) ? (saved.rest as Blueprint) : draft.rest,
  };
}
