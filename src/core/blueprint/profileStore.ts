import { chmod, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Blueprint } from '../../shared/blueprint/blueprintSchema';
import {
  type Profile,
  ProfileNameSchema,
  ProfileSchema,
  type ProfileSummary,
} from '../../shared/blueprint/profile';
import { privateKeyRule } from '../../shared/blueprint/rules/privateKeyRule';
import type { ValidationContext } from '../../shared/blueprint/validationContext';
import { AppError } from '../../shared/errors';
import { writeFileAtomic } from '../store/writeFileAtomic';
import { exportBlueprintToml } from './blueprintToml';
import { hashBlueprintPasswords, hasOnlyHashedPasswords } from './hashPassword';

const PROFILE_SUFFIX = '.profile.json';
const profilesDir = (dataDir: string) => join(dataDir, 'profiles');

function checkedName(name: string): string {
  const parsed = ProfileNameSchema.safeParse(name);
  if (!parsed.success)
    throw new AppError('invalidInput', parsed.error.issues[0]?.message ?? 'Invalid profile name.');
  return parsed.data;
}

const profilePath = (dataDir: string, name: string) =>
  join(profilesDir(dataDir), `${checkedName(name)}${PROFILE_SUFFIX}`);

/** A stored profile, or null for a missing file or one that is not a valid profile (never deleted). */
async function readProfileFile(path: string): Promise<Profile | null> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const parsed = ProfileSchema.safeParse(JSON.parse(text));
    // A hand-edited file with a plain password is not served: it must not travel further.
    return parsed.success && hasOnlyHashedPasswords(parsed.data.blueprint) ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Named blueprints in <data dir>/profiles (folder 0700, files 0600). Saving hashes every plain
 * password first and refuses a private SSH key, so neither ever reaches the disk.
 */
export function openProfileStore(dataDir: string) {
  async function write(profile: Profile): Promise<void> {
    await mkdir(profilesDir(dataDir), { recursive: true, mode: 0o700 });
    await chmod(profilesDir(dataDir), 0o700);
    await writeFileAtomic(profilePath(dataDir, profile.name), `${JSON.stringify(profile, null, 2)}\n`, 0o600);
  }

  async function get(name: string): Promise<Profile | null> {
    return readProfileFile(profilePath(dataDir, name));
  }

  async function require(name: string): Promise<Profile> {
    const profile = await get(name);
    if (!profile) throw new AppError('invalidInput', `There is no profile named ${JSON.stringify(name)}.`);
    return profile;
  }

  return {
    /** Every valid profile, by name. */
    async list(): Promise<ProfileSummary[]> {
      const files = await readdir(profilesDir(dataDir)).catch(() => [] as string[]);
      const profiles = await Promise.all(
        files
          .filter((file) => file.endsWith(PROFILE_SUFFIX))
          .map((file) => readProfileFile(join(profilesDir(dataDir), file))),
      );
      return profiles
        .filter((profile): profile is Profile => profile !== null)
        .map(({ name, updatedAt }) => ({ name, updatedAt }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },

    get,

    /** Creates or replaces a profile; returns it as stored (passwords hashed). */
    async save(
      name: string,
      blueprint: Blueprint,
      now = new Date(),
      build: { updatesFrom?: string | undefined } = {},
    ): Promise<Profile> {
      const privateKeys = privateKeyRule(blueprint, {});
      if (privateKeys.length > 0)
        throw new AppError('refused', privateKeys[0]?.message ?? 'Private key refused.');
      const profile = ProfileSchema.parse({
        name: checkedName(name),
        updatedAt: now.toISOString(),
        blueprint: hashBlueprintPasswords(blueprint),
        ...(build.updatesFrom ? { updatesFrom: build.updatesFrom } : {}),
      });
      await write(profile);
      return profile;
    },

    /** Renames a profile; refuses to overwrite another one. */
    async rename(from: string, to: string): Promise<Profile> {
      const profile = await require(from);
      if (checkedName(to) === profile.name) return profile;
      if (await get(to))
        throw new AppError('invalidInput', `A profile named ${JSON.stringify(to)} already exists.`);
      const renamed = { ...profile, name: to };
      await write(renamed);
      await rm(profilePath(dataDir, from), { force: true });
      return renamed;
    },

    /** Deletes a profile; false when there was none by that name. */
    async delete(name: string): Promise<boolean> {
      const path = profilePath(dataDir, name);
      if (
        !(await readFile(path).then(
          () => true,
          () => false,
        ))
      )
        return false;
      await rm(path, { force: true });
      return true;
    },

    /** The profile as a plain bib config.toml (checked like any export). */
    async exportToml(name: string, context: ValidationContext = {}): Promise<string> {
      return exportBlueprintToml((await require(name)).blueprint, context);
    },
  };
}
export type ProfileStore = ReturnType<typeof openProfileStore>;
