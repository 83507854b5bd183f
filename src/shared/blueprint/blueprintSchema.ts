import { z } from 'zod';

/**
 * The config bootc-image-builder (bib) reads from /config.toml or /config.json, with bib's own
 * key spellings. Facts: osbuild/blueprint v1.26.0 `blueprint.go`, `customizations.go`,
 * `installer_customizations.go` (see shared/reference/bib-data/osbuild-user-rules.md).
 *
 * Every object is strict, as bib is: bib decodes JSON with DisallowUnknownFields and refuses TOML
 * with undecoded keys, so a typo such as `ssh_key` fails the build. Keys bib knows but the form
 * does not edit (disk, files, sshd, …) are kept verbatim so an imported config loses nothing.
 */

const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Text without half of a UTF-16 surrogate pair: TOML cannot carry one and Go replaces it, so
 * such a string would silently change on its way to bib.
 */
export const BROKEN_CHARACTER = 'contains a broken character (half of a UTF-16 surrogate pair)';
const text = () => z.string().refine((value) => !LONE_SURROGATE.test(value), { message: BROKEN_CHARACTER });

/** TOML has no null, so a kept value must not hold one (JSON import drops null members, as Go does). */
function isCarriableTree(value: unknown): boolean {
  if (value === null) return false;
  if (typeof value === 'string') return !LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.every(isCarriableTree);
  if (typeof value === 'object') {
    return Object.entries(value).every(([key, inner]) => !LONE_SURROGATE.test(key) && isCarriableTree(inner));
  }
  return true;
}

export const NOT_CARRIABLE = 'contains an empty value (null) or a broken character, which TOML cannot carry';
const keptValue = z.json().refine(isCarriableTree, { message: NOT_CARRIABLE });
/** A list of tables bib knows and Bootstick keeps as it is. */
const keptList = z.array(keptValue);
/** A table bib knows and Bootstick keeps as it is. */
const keptTable = z.record(text(), keptValue);

/** Exactly bib's 11 user keys (`UserCustomization`). */
export const UserSchema = z.strictObject({
  name: text(),
  description: text().optional(),
  /** Plain text while being edited; always a crypt hash ($6$) once saved or exported. */
  password: text().optional(),
  /** One or more authorized_keys lines, separated by newlines. */
  key: text().optional(),
  home: text().optional(),
  shell: text().optional(),
  groups: z.array(text()).optional(),
  uid: z.int().optional(),
  gid: z.int().optional(),
  /** Days since 1970-01-01 after which the account is disabled. */
  expiredate: z.int().optional(),
  force_password_reset: z.boolean().optional(),
});
export type BlueprintUser = z.infer<typeof UserSchema>;

export const GroupSchema = z.strictObject({
  name: text(),
  gid: z.int().optional(),
});
export type BlueprintGroup = z.infer<typeof GroupSchema>;

export const KernelSchema = z.strictObject({
  /** Appended to the kernel command line as one string, e.g. "console=ttyS0 quiet". */
  append: text().optional(),
  /** Not supported for bootc (the kernel comes with the container image); bib warns. */
  name: text().optional(),
});

export const FilesystemSchema = z.strictObject({
  mountpoint: text(),
  /** Bytes, or a size string such as "10 GiB" (checked by the filesystem rules). */
  minsize: z.union([z.int().nonnegative(), text()]),
});
export type BlueprintFilesystem = z.infer<typeof FilesystemSchema>;

export const InstallerSchema = z.strictObject({
  unattended: z.boolean().optional(),
  'sudo-nopasswd': z.array(text()).optional(),
  kickstart: z.strictObject({ contents: text() }).optional(),
  modules: z
    .strictObject({
      enable: z.array(text()).optional(),
      disable: z.array(text()).optional(),
    })
    .optional(),
  bootloader: z
    .strictObject({
      grub2: z.strictObject({ 'menu-timeout': z.int().optional() }).optional(),
    })
    .optional(),
  /** osbuild/blueprint ≥ v1.29 (image-builder-cli): flatpaks for package-based installers. */
  payload: z
    .strictObject({
      flatpaks: z
        .strictObject({
          force: z
            .array(
              z.strictObject({
                registry: z
                  .strictObject({ remote_name: text().optional(), url: text().optional() })
                  .optional(),
                references: z.array(text()).optional(),
              }),
            )
            .optional(),
        })
        .optional(),
    })
    .optional(),
});

export const IsoSchema = z.strictObject({
  volume_id: text().optional(),
  application_id: text().optional(),
  publisher: text().optional(),
});

/** The customizations the form edits; the rest of bib's keys are kept as they are. */
export const EDITED_CUSTOMIZATIONS = [
  'user',
  'group',
  'kernel',
  'filesystem',
  'installer',
  'iso',
  'fips',
] as const;

export const CustomizationsSchema = z.strictObject({
  user: z.array(UserSchema).optional(),
  group: z.array(GroupSchema).optional(),
  kernel: KernelSchema.optional(),
  filesystem: z.array(FilesystemSchema).optional(),
  installer: InstallerSchema.optional(),
  iso: IsoSchema.optional(),
  fips: z.boolean().optional(),
  // Known to bib v1.26, not edited by Bootstick, kept verbatim.
  hostname: text().optional(),
  sshkey: z.array(z.strictObject({ user: text(), key: text() })).optional(),
  timezone: keptTable.optional(),
  locale: keptTable.optional(),
  firewall: keptTable.optional(),
  services: keptTable.optional(),
  disk: keptTable.optional(),
  installation_device: text().optional(),
  partitioning_mode: text().optional(),
  fdo: keptTable.optional(),
  openscap: keptTable.optional(),
  ignition: keptTable.optional(),
  directories: keptList.optional(),
  files: keptList.optional(),
  repositories: keptList.optional(),
  rpm: keptTable.optional(),
  rhsm: keptTable.optional(),
  cacerts: keptTable.optional(),
  'containers-storage': keptTable.optional(),
  firstboot: keptTable.optional(),
  dnf: keptTable.optional(),
  sshd: keptTable.optional(),
});
export type Customizations = z.infer<typeof CustomizationsSchema>;

export const BlueprintSchema = z.strictObject({
  name: text().optional(),
  description: text().optional(),
  version: text().optional(),
  // Package-based keys: bib reads them but a bootc image gets its packages from the container.
  packages: keptList.optional(),
  modules: keptList.optional(),
  enabled_modules: keptList.optional(),
  groups: keptList.optional(),
  containers: keptList.optional(),
  distro: text().optional(),
  architecture: text().optional(),
  customizations: CustomizationsSchema.optional(),
});
export type Blueprint = z.infer<typeof BlueprintSchema>;

/** Top-level keys a bootc build does not use (bib warns "not supported" for them). */
export const PACKAGE_KEYS = [
  'packages',
  'modules',
  'enabled_modules',
  'groups',
  'containers',
  'distro',
  'architecture',
] as const;
