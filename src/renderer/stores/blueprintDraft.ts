import type { Blueprint, Customizations } from '../../shared/blueprint/blueprintSchema';

/**
 * The Blueprint step's form as plain, serialisable data (strings and booleans, as typed), and
 * the two conversions between it and the blueprint bib reads. No DOM, no store: pure functions.
 */

/** One user as the form edits it. The password is only ever held as its hash. */
export interface UserDraft {
  name: string;
  /** SHA-512 crypt hash, '' for a locked account, undefined for "no password". */
  passwordHash: string | undefined;
  key: string;
  /** Comma-separated, as typed. */
  groups: string;
}

/** One `[[customizations.filesystem]]` row, as typed. */
export interface FilesystemDraft {
  mountpoint: string;
  /** "10 GiB", or a number of bytes. */
  minsize: string;
}

/** The ISO installer's options (`customizations.installer` and `customizations.iso`), as typed. */
export interface InstallerDraft {
  unattended: boolean;
  /** Comma-separated users and %groups that may sudo without a password. */
  sudoNopasswd: string;
  kickstart: string;
  /** Comma-separated Anaconda module names. */
  modulesEnable: string;
  modulesDisable: string;
  volumeId: string;
  applicationId: string;
  publisher: string;
}

export interface BlueprintDraft {
  users: UserDraft[];
  kernelAppend: string;
  filesystems: FilesystemDraft[];
  installer: InstallerDraft;
  /** What the form does not edit (disk, files, the bootloader timeout, …), kept as it was. */
  rest: Blueprint;
}

export const emptyUser = (): UserDraft => ({ name: '', passwordHash: undefined, key: '', groups: 'wheel' });

export const emptyInstaller = (): InstallerDraft => ({
  unattended: false,
  sudoNopasswd: '',
  kickstart: '',
  modulesEnable: '',
  modulesDisable: '',
  volumeId: '',
  applicationId: '',
  publisher: '',
});

export const emptyDraft = (): BlueprintDraft => ({
  users: [],
  kernelAppend: '',
  filesystems: [],
  installer: emptyInstaller(),
  rest: {},
});

/** "wheel, docker" → ["wheel", "docker"]. */
export function listOf(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

const joined = (items: readonly string[] | undefined) => (items ?? []).join(', ');

/** Splits a blueprint into what the form edits and what it keeps untouched. */
export function draftOf(blueprint: Blueprint): BlueprintDraft {
  const {
    user = [],
    kernel,
    filesystem = [],
    installer,
    iso,
    ...customizations
  } = blueprint.customizations ?? {};
  const { append, ...kernelRest } = kernel ?? {};
  const { unattended, 'sudo-nopasswd': sudo, kickstart, modules, ...installerRest } = installer ?? {};
  const kept: Customizations = { ...customizations };
  // A user's other keys (uid, home, shell, …) stay with the user by name; the password never does:
  // the form holds it (hashed), and a password removed in the form must not come back from here.
  if (user.length > 0) kept.user = user.map(({ password: _password, ...others }) => others);
  if (Object.keys(kernelRest).length > 0) kept.kernel = kernelRest;
  if (Object.keys(installerRest).length > 0) kept.installer = installerRest;
  return {
    users: user.map((entry) => ({
      name: entry.name,
      passwordHash: entry.password,
      key: entry.key ?? '',
      groups: joined(entry.groups),
    })),
    kernelAppend: append ?? '',
    filesystems: filesystem.map((entry) => ({
      mountpoint: entry.mountpoint,
      minsize: String(entry.minsize),
    })),
    installer: {
      unattended: unattended ?? false,
      sudoNopasswd: joined(sudo),
      kickstart: kickstart?.contents ?? '',
      modulesEnable: joined(modules?.enable),
      modulesDisable: joined(modules?.disable),
      volumeId: iso?.volume_id ?? '',
      applicationId: iso?.application_id ?? '',
      publisher: iso?.publisher ?? '',
    },
    rest: { ...blueprint, customizations: kept },
  };
}

/** A whole number of bytes stays a number (as an imported config had it); anything else is bib's size text. */
function minsizeOf(text: string): number | string {
  const trimmed = text.trim();
  return /^[0-9]+$/.test(trimmed) && Number.isSafeInteger(Number(trimmed)) ? Number(trimmed) : text;
}

function installerOf(draft: InstallerDraft, kept: Customizations['installer']): Customizations['installer'] {
  const installer = { ...kept };
  if (draft.unattended) installer.unattended = true;
  if (listOf(draft.sudoNopasswd).length > 0) installer['sudo-nopasswd'] = listOf(draft.sudoNopasswd);
  if (draft.kickstart.trim() !== '') installer.kickstart = { contents: draft.kickstart };
  const enable = listOf(draft.modulesEnable);
  const disable = listOf(draft.modulesDisable);
  if (enable.length > 0 || disable.length > 0) {
    installer.modules = {
      ...(enable.length > 0 ? { enable } : {}),
      ...(disable.length > 0 ? { disable } : {}),
    };
  }
  return Object.keys(installer).length > 0 ? installer : undefined;
}

function isoOf(draft: InstallerDraft): Customizations['iso'] {
  const iso = {
    ...(draft.volumeId !== '' ? { volume_id: draft.volumeId } : {}),
    ...(draft.applicationId !== '' ? { application_id: draft.applicationId } : {}),
    ...(draft.publisher !== '' ? { publisher: draft.publisher } : {}),
  };
  // An empty [customizations.iso] table is refused by bib (it wants a volume label), so none is written.
  return Object.keys(iso).length > 0 ? iso : undefined;
}

/** The blueprint bib gets, from the form: what `exportBlueprint` and `startDiskImageBuild` receive. */
export function blueprintOf(draft: BlueprintDraft): Blueprint {
  const users = draft.users.map((user) => {
    const groups = listOf(user.groups);
    const rest = draft.rest.customizations?.user?.find((entry) => entry.name === user.name);
    return {
      ...rest,
      name: user.name,
      ...(user.passwordHash !== undefined ? { password: user.passwordHash } : {}),
      ...(user.key.trim() !== '' ? { key: user.key.trim() } : {}),
      ...(groups.length > 0 ? { groups } : {}),
    };
  });
  const customizations: Customizations = { ...draft.rest.customizations };
  if (users.length > 0) customizations.user = users;
  else delete customizations.user;
  if (draft.kernelAppend.trim() !== '') {
    customizations.kernel = { ...customizations.kernel, append: draft.kernelAppend.trim() };
  }
  // Every row goes in, an empty one too: the problems found point at rows by their index.
  const filesystems = draft.filesystems.map((row) => ({
    mountpoint: row.mountpoint,
    minsize: minsizeOf(row.minsize),
  }));
  if (filesystems.length > 0) customizations.filesystem = filesystems;
  const installer = installerOf(draft.installer, customizations.installer);
  if (installer) customizations.installer = installer;
  else delete customizations.installer;
  const iso = isoOf(draft.installer);
  if (iso) customizations.iso = iso;
  return { ...draft.rest, customizations };
}
