import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Blueprint, BlueprintUser } from '../../../src/shared/blueprint/blueprintSchema';
import { parseDataSize } from '../../../src/shared/blueprint/dataSize';
import { validateBlueprint } from '../../../src/shared/blueprint/validateBlueprint';
import type { ValidationContext } from '../../../src/shared/blueprint/validationContext';

const withUsers = (...user: BlueprintUser[]): Blueprint => ({ customizations: { user } });
const errorsOf = (blueprint: Blueprint, context: ValidationContext = {}) =>
  validateBlueprint(blueprint, context).filter((problem) => problem.severity === 'error');
const warningsOf = (blueprint: Blueprint, context: ValidationContext = {}) =>
  validateBlueprint(blueprint, context).filter((problem) => problem.severity === 'warning');

describe('user names', () => {
  it('accepts what osbuild accepts', () => {
    for (const name of ['alice', 'a', '_svc', '.hidden', 'user.name-1_2', 'x'.repeat(32), 'root']) {
      expect(errorsOf(withUsers({ name })), name).toEqual([]);
    }
  });

  it('refuses what osbuild would refuse at the end of the build, and says why', () => {
    const cases: Array<[string, string]> = [
      ['', 'Every user needs a name.'],
      ['-alice', 'starts with "-"'],
      ['al ice', 'contains characters other than'],
      ['élodie', 'contains characters other than'],
      ['x'.repeat(33), 'is 33 characters long'],
      ['..', 'means a folder'],
    ];
    for (const [name, reason] of cases) {
      const [problem, ...rest] = errorsOf(withUsers({ name }));
      expect(rest, name).toEqual([]);
      expect(problem?.path).toEqual(['customizations', 'user', 0, 'name']);
      expect(problem?.message, name).toContain(reason);
    }
    expect(errorsOf(withUsers({ name: 'a b' }))[0]?.message).toContain('only at the end of a long build');
  });

  it('refuses two users with the same name (bib would keep only the last)', () => {
    expect(errorsOf(withUsers({ name: 'alice' }, { name: 'alice' }))).toEqual([
      expect.objectContaining({
        path: ['customizations', 'user', 1, 'name'],
        message: expect.stringContaining('two users'),
      }),
    ]);
  });

  it('quotes a hostile name without letting it break the line', () => {
    const message = errorsOf(withUsers({ name: 'evil\nname' }))[0]?.message ?? '';
    expect(message).not.toContain('\n');
    expect(message).toContain('"evil\\nname"');
  });
});

describe('user fields useradd checks', () => {
  it('refuses ":" and line breaks in passwd fields, relative home or shell, and IDs out of range', () => {
    const problems = errorsOf(
      withUsers({
        name: 'a',
        description: 'A: B',
        home: 'home/a',
        shell: 'bash',
        uid: -1,
        gid: 4_294_967_295,
        groups: ['ok', 'bad group'],
      }),
    );
    expect(problems.map((problem) => problem.path.slice(3))).toEqual([
      ['description'],
      ['home'],
      ['shell'],
      ['uid'],
      ['gid'],
      ['groups', 1],
    ]);
  });

  it('accepts an empty home (no home folder is created)', () => {
    expect(
      errorsOf(withUsers({ name: 'a', home: '', shell: '/bin/zsh', uid: 0, gid: 4_294_967_294 })),
    ).toEqual([]);
  });
});

describe('passwords', () => {
  it('refuses crypt hashes osbuild does not recognise, without repeating the value', () => {
    for (const password of ['$y$j9T$salt$hash', '$gy$x', '$7$x', '$1$salt$hash', '$2a$10$x', '$2y$10$x']) {
      const problems = errorsOf(withUsers({ name: 'alice', password }));
      expect(problems, password).toHaveLength(1);
      expect(problems[0]?.message).toContain('osbuild does not recognise');
      expect(problems[0]?.message).not.toContain(password);
    }
  });

  it('accepts plain text, the empty string and complete $6$/$5$/$2b$ hashes; refuses a truncated hash', () => {
    const sha512 = `$6$saltsaltsaltsalt$${'a'.repeat(86)}`;
    const sha256 = `$5$rounds=10000$salt$${'b'.repeat(43)}`;
    const bcrypt = `$2b$12$${'c'.repeat(53)}`;
    for (const password of ['hunter2', '', sha512, sha256, bcrypt]) {
      expect(validateBlueprint(withUsers({ name: 'alice', password })), password).toEqual([]);
    }
    for (const password of ['$6$abc', '$6$hunter2', sha512.slice(0, -1)]) {
      const [problem] = validateBlueprint(withUsers({ name: 'alice', password }));
      expect(problem?.severity).toBe('error');
      expect(problem?.message).toContain('not a complete one');
      expect(problem?.message).not.toContain(password);
    }
  });

  it('warns, without repeating it, when a kickstart sets a password in plain text', () => {
    const withKickstart = (contents: string) =>
      validateBlueprint(
        { customizations: { installer: { kickstart: { contents } } } },
        { imageType: 'anaconda-iso' },
      );
    const [root] = withKickstart('lang en_US\nrootpw --plaintext hunter2');
    expect(root).toMatchObject({ severity: 'warning' });
    expect(root?.message).toContain('Line 2 of the kickstart (rootpw) sets a password in plain text');
    expect(root?.message).not.toContain('hunter2');
    expect(withKickstart('user --name=ada --password=hunter2')[0]?.message).toContain('(user)');
    expect(withKickstart('rootpw hunter2')).toHaveLength(1);
    for (const fine of [
      'rootpw --iscrypted $6$x$y',
      'rootpw --lock',
      'user --name=ada --iscrypted --password=$6$x',
    ]) {
      expect(withKickstart(fine), fine).toEqual([]);
    }
  });
});

describe('private keys pasted as SSH keys', () => {
  it('refuses them loudly and never repeats the key', () => {
    const secret = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQ';
    const keys = [
      `-----BEGIN OPENSSH PRIVATE KEY-----\n${secret}\n-----END OPENSSH PRIVATE KEY-----`,
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----',
      '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIF\n-----END ENCRYPTED PRIVATE KEY-----',
      'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none',
      secret,
    ];
    for (const key of keys) {
      const [problem, ...rest] = errorsOf(withUsers({ name: 'alice', key }));
      expect(rest).toEqual([]);
      expect(problem?.message).toContain('PRIVATE SSH key. It was not kept');
      expect(problem?.message).not.toContain(secret.slice(20));
    }
    const legacy: Blueprint = { customizations: { sshkey: [{ user: 'alice', key: keys[0] as string }] } };
    expect(errorsOf(legacy)[0]?.path).toEqual(['customizations', 'sshkey', 0, 'key']);
  });
});

describe('groups', () => {
  it('refuses bad names, duplicate names and duplicate IDs with bib’s reasons', () => {
    const blueprint: Blueprint = {
      customizations: {
        group: [{ name: 'wheel', gid: 10 }, { name: 'wheel' }, { name: 'lab', gid: 10 }, { name: 'b@d' }],
      },
    };
    expect(
      errorsOf(blueprint).map((problem) => [problem.path.slice(2), problem.message.split(';')[0]]),
    ).toEqual([
      [[1, 'name'], 'There are two groups named "wheel"'],
      [[2, 'gid'], 'Two groups have the group ID 10'],
      [[3, 'name'], expect.stringContaining('Group name "b@d" cannot be used')],
    ]);
  });
});

describe('size strings (images v0.251 datasizes)', () => {
  it('accepts bib’s units exactly, case-sensitive', () => {
    const sizes: Array<[string, number]> = [
      ['10 GiB', 10 * 1024 ** 3],
      ['10GiB', 10 * 1024 ** 3],
      [' 123  ', 123],
      ['1KiB', 1024],
      ['3 kB', 3000],
      ['2 MB', 2_000_000],
      ['2MiB', 2 * 1024 ** 2],
      ['1 GB', 1e9],
      ['1 TB', 1e12],
      ['1 TiB', 1024 ** 4],
      ['7\tGiB', 7 * 1024 ** 3],
    ];
    for (const [text, bytes] of sizes) expect(parseDataSize(text), text).toEqual({ ok: true, bytes });
  });

  it('refuses what bib refuses', () => {
    for (const text of [
      '123 KB',
      '123 mb',
      '123 PB',
      '123 PiB',
      '1.5 GiB',
      '10 gib',
      '10G',
      '-1',
      'GiB',
      '',
      '10 GiB extra',
    ]) {
      expect(parseDataSize(text).ok, text).toBe(false);
    }
    expect(parseDataSize('99999999999 TiB')).toEqual({
      ok: false,
      reason: 'tooLarge',
      message: 'is far too large',
    });
  });

  it('refuses a size of 0 and warns about a size without a unit', () => {
    const sized = (minsize: string | number): Blueprint => ({
      customizations: { filesystem: [{ mountpoint: '/var/data', minsize }] },
    });
    expect(errorsOf(sized(0))[0]?.message).toContain('must be greater than 0');
    expect(errorsOf(sized('0 GiB'))[0]?.message).toContain('must be greater than 0');
    expect(warningsOf(sized('20'))[0]?.message).toContain('a unit such as GiB may be missing');
    expect(validateBlueprint(sized(20 * 1024 ** 3))).toEqual([]);
  });
});

describe('kernel arguments', () => {
  it('refuses line breaks and warns that kernel.name is ignored', () => {
    expect(errorsOf({ customizations: { kernel: { append: 'quiet\nsplash' } } })).toHaveLength(1);
    expect(validateBlueprint({ customizations: { kernel: { append: 'console=ttyS0 quiet' } } })).toEqual([]);
    expect(warningsOf({ customizations: { kernel: { name: 'kernel-rt' } } })[0]?.path).toEqual([
      'customizations',
      'kernel',
      'name',
    ]);
  });
});

describe('per-image-type support', () => {
  const everything: Blueprint = {
    customizations: {
      user: [{ name: 'alice' }],
      kernel: { append: 'quiet' },
      filesystem: [{ mountpoint: '/', minsize: '10 GiB' }],
      installer: { unattended: true },
      iso: { volume_id: 'LABEL' },
      fips: true,
      files: [{ path: '/etc/x', data: 'x' }],
      hostname: 'box',
    },
    packages: [{ name: 'vim' }],
  };
  const warned = (context: ValidationContext) =>
    warningsOf(everything, context).map((problem) => problem.path.join('.'));

  it('warns about what each type ignores, as bib does', () => {
    expect(warned({ imageType: 'raw' })).toEqual([
      'packages',
      'customizations.installer',
      'customizations.iso',
      'customizations.fips',
      'customizations.hostname',
    ]);
    expect(warned({ imageType: 'anaconda-iso' })).toEqual([
      'packages',
      'customizations.filesystem',
      'customizations.files',
      'customizations.hostname',
    ]);
    expect(warned({ imageType: 'bootc-installer' })).toContain('customizations.iso');
  });

  it('without a type, warns only about what no bootc type uses', () => {
    expect(warned({})).toEqual(['packages', 'customizations.hostname']);
  });

  it('is quiet for a clean config', () => {
    expect(
      validateBlueprint(
        { customizations: { user: [{ name: 'alice', groups: ['wheel'] }] } },
        { imageType: 'raw' },
      ),
    ).toEqual([]);
    expect(validateBlueprint({})).toEqual([]);
  });
});

describe('src/shared/blueprint', () => {
  it('imports neither Node nor the DOM (the renderer runs it)', () => {
    const dir = join(import.meta.dirname, '../../../src/shared/blueprint');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.ts'),
    );
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const imports = [...readFileSync(join(dir, file), 'utf8').matchAll(/from '([^']+)'/g)].map(
        (match) => match[1],
      );
      for (const source of imports)
        expect(source === 'zod' || source?.startsWith('.'), `${file}: ${source}`).toBe(true);
    }
  });
});
