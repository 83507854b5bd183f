import { generateKeyPairSync } from 'node:crypto';
import sshpk from 'sshpk';
import { describe, expect, it } from 'vitest';
import { decodeBlueprintJson } from '../../../src/core/blueprint/blueprintJson';
import { decodeBlueprintToml } from '../../../src/core/blueprint/blueprintToml';
import { checkBlueprint } from '../../../src/core/blueprint/checkBlueprint';
import { type Blueprint, BlueprintSchema } from '../../../src/shared/blueprint/blueprintSchema';
import type { BlueprintProblem } from '../../../src/shared/blueprint/problem';
import { schemaProblems } from '../../../src/shared/blueprint/schemaProblems';
import { validateBlueprint } from '../../../src/shared/blueprint/validateBlueprint';
import type { ValidationContext } from '../../../src/shared/blueprint/validationContext';
import { en, ko } from '../../../src/shared/i18n/catalogue';
import { describeProblem } from '../../../src/shared/i18n/describeProblem';
import { translateFrom } from '../../../src/shared/i18n/translate';

const PRIVATE =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEA\n-----END OPENSSH PRIVATE KEY-----';

/** An SSH public key line of a kind OpenSSH dislikes, made for this run. */
function weakKey(type: 'rsa' | 'dsa'): string {
  const { publicKey } =
    type === 'rsa'
      ? generateKeyPairSync('rsa', { modulusLength: 1024 })
      : generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 160 });
  return sshpk.parseKey(publicKey.export({ type: 'spki', format: 'pem' }), 'pem').toString('ssh');
}

/** Users and groups: every name, field, password and key problem. */
const accounts: Blueprint = {
  customizations: {
    user: [
      { name: '' },
      { name: '..' },
      { name: `-${'x'.repeat(40)} y` },
      { name: 'alice', password: '$1$salt$hash', key: PRIVATE },
      { name: 'alice', password: '$6$abc' },
      { name: '123', description: 'a:b', home: 'a\nb', shell: 'x:y', uid: -1, gid: 5e9 },
      { name: 'bob', home: 'home/bob', shell: 'bash', groups: ['', '.', 'b@d'], key: 'my password' },
      { name: 'carol', key: 'ssh-ed25519-cert-v01@openssh.com AAAA carol@host' },
      { name: 'dave', key: `${weakKey('rsa')}\n${weakKey('dsa')}` },
      { name: 'root', shell: '/bin/sh', uid: 0 },
    ],
    group: [
      { name: '' },
      { name: '.' },
      { name: 'a b' },
      { name: 'w', gid: 10 },
      { name: 'w', gid: 10 },
      { name: 'g', gid: -2 },
    ],
    sshkey: [{ user: 'alice', key: PRIVATE }],
    kernel: { append: 'quiet\nsplash', name: 'kernel-rt' },
    installer: {
      kickstart: { contents: 'text\nrootpw hunter2' },
      unattended: true,
      'sudo-nopasswd': ['alice'],
      modules: { disable: ['org.fedoraproject.Anaconda.Modules.Users'] },
    },
    iso: {},
  },
};

/** Filesystems: every mount point and size problem. */
const filesystems: Blueprint = {
  customizations: {
    filesystem: [
      { mountpoint: 'var', minsize: 'abc' },
      { mountpoint: '/var/', minsize: '10 gib' },
      { mountpoint: '/var', minsize: '99999999999 TiB' },
      { mountpoint: '/var/home', minsize: 0 },
      { mountpoint: '/opt', minsize: 100 },
      { mountpoint: '/var/data', minsize: '1 GiB' },
      { mountpoint: '/var/data', minsize: '1 GiB' },
    ],
    disk: { partitions: [] },
  },
} as Blueprint;

const ignored: Blueprint = {
  customizations: {
    hostname: 'box',
    sshkey: [{ user: 'a', key: 'ssh-ed25519 AAAA' }],
    iso: { volume_id: 'a b' },
  },
  packages: [{ name: 'vim' }],
};

/** Imported files: syntax, what bib reads differently, and every kind of schema problem. */
const TOML_FILES = [
  'x = ',
  'd = 1979-05-27',
  '[[customizations.filesystem]]\nmountpoint = "/"\nsize = 1\nminsize = 2',
  'blueprint = {}\nfoo = 1\nName = "x"\ncustomizations = 5',
  '[customizations]\nbogus = 1\nuser = 5',
  '[[customizations.user]]\nname = "a"\nusername = "b"\nuid = "x"',
  '[[customizations.user]]\npassword = "x"',
  '[customizations.installer]\nunattended = "yes"',
  '[[customizations.filesystem]]\nmountpoint = "/"\nminsize = true',
  'name = 5',
];
const JSON_FILES = [
  '{',
  '{"__proto__": 1}',
  '{"blueprint": 5, "x": 1}',
  '{"customizations": {"user": [{"name": "\\ud800", "uid": 1e20}], "files": [[null]]}}',
  '{"customizations": {"locale": {"\\ud800": "x"}}}',
];

function sourceProblems(): BlueprintProblem[] {
  const parsed = BlueprintSchema.safeParse(5);
  return [
    ...TOML_FILES.flatMap((text) => decodeBlueprintToml(text).problems),
    ...JSON_FILES.flatMap((text) => decodeBlueprintJson(text).problems),
    ...(parsed.success ? [] : schemaProblems(5, parsed.error.issues)),
  ];
}

/** Every problem the rules and main's SSH key check can say, each kind at least once. */
/** The keys only the successor's blueprint reads, judged by each builder. */
function successorKeys(context: ValidationContext, sectorSize = 4096): BlueprintProblem[] {
  return validateBlueprint(
    {
      customizations: {
        installer: { payload: { flatpaks: { force: [] } } },
        disk: { sector_size: sectorSize },
      },
    },
    context,
  );
}

function everyProblem(): BlueprintProblem[] {
  return [
    ...checkBlueprint(accounts),
    ...checkBlueprint(accounts, { imageType: 'anaconda-iso' }),
    ...validateBlueprint(filesystems),
    ...validateBlueprint(
      { customizations: { filesystem: [{ mountpoint: '/var/data', minsize: '1 GiB' }] } },
      { rootfs: 'btrfs' },
    ),
    ...validateBlueprint(ignored),
    ...validateBlueprint(ignored, { imageType: 'raw' }),
    ...validateBlueprint({ customizations: { iso: { volume_id: 'X'.repeat(33) } } }),
    ...validateBlueprint(
      { customizations: { iso: { volume_id: 'X', application_id: 'a' } } },
      { imageType: 'anaconda-iso' },
    ),
    ...validateBlueprint({ customizations: { iso: { volume_id: 'X' } } }, { builder: 'image-builder-cli' }),
    ...successorKeys({ builder: 'bootc-image-builder' }),
    ...successorKeys({ builder: 'image-builder-cli' }, 3000),
    ...successorKeys({}),
    ...sourceProblems(),
  ];
}

/** The catalogue's rules keys, dotted (the joining word left out: it is never a message of its own). */
function ruleKeys(node: object, prefix = ''): string[] {
  return Object.entries(node).flatMap(([name, value]) =>
    typeof value === 'string' ? [`${prefix}${name}`] : ruleKeys(value as object, `${prefix}${name}.`),
  );
}

/** Every key a problem used, parts included. */
function usedKeys(problem: BlueprintProblem): string[] {
  const words = problem.words;
  if (!words) return [];
  const parts = Object.entries(words.values)
    .filter(([name]) => name.endsWith('Keys'))
    .flatMap(([, keys]) => String(keys).split(' '));
  return [words.key, ...parts];
}

describe('blueprint problems in every language', () => {
  const problems = everyProblem();

  it('covers every message of the rules catalogue', () => {
    const used = new Set(problems.flatMap(usedKeys));
    expect(ruleKeys(en.rules).filter((key) => key !== 'and' && !used.has(key))).toEqual([]);
  });

  it('keeps words with every problem, and says it in Korean with nothing left over', () => {
    const korean = translateFrom(ko);
    for (const problem of problems) {
      expect(problem.words, problem.message).toBeDefined();
      const text = describeProblem(problem, korean);
      expect(text, problem.message).not.toMatch(/\{\{|rules\.|Keys/);
      expect(text, problem.message).not.toBe(problem.message);
      expect(text, problem.message).toMatch(/[가-힣]/);
    }
  });

  it('says exactly the stored English message in English', () => {
    const english = translateFrom(en);
    for (const problem of problems) expect(describeProblem(problem, english)).toBe(problem.message);
  });

  it('joins the reasons a name is refused in each language’s own way', () => {
    const [bad] = validateBlueprint({ customizations: { user: [{ name: `-${'x'.repeat(40)} y` }] } });
    expect(bad?.message).toContain(
      'it is 43 characters long and starts with "-" and contains characters other than A–Z',
    );
    expect(describeProblem(bad as BlueprintProblem, translateFrom(ko))).toContain(
      '(43자로 너무 김, "-"로 시작함, A–Z, a–z, 0–9, ".", "_", "-" 이외의 문자가 들어 있음)',
    );
  });

  it('shows a problem stored without words in the English it was stored with', () => {
    const old: BlueprintProblem = { path: ['x'], message: 'Old words.', severity: 'error' };
    expect(describeProblem(old, translateFrom(ko))).toBe('Old words.');
  });
});
