import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseToml } from 'smol-toml';
import { verify } from 'unixcrypt';
import { describe, expect, it } from 'vitest';
import {
  decodeBlueprintJson,
  exportBlueprintJson,
  stringifyBlueprintJson,
} from '../../../src/core/blueprint/blueprintJson';
import {
  decodeBlueprintToml,
  exportBlueprintToml,
  stringifyBlueprintToml,
} from '../../../src/core/blueprint/blueprintToml';
import { BlueprintRefusedError } from '../../../src/core/blueprint/exportBlueprint';
import { hashBlueprintPasswords } from '../../../src/core/blueprint/hashPassword';
import { importBlueprint } from '../../../src/core/blueprint/importBlueprint';
import type { Blueprint } from '../../../src/shared/blueprint/blueprintSchema';
import { classifyPassword } from '../../../src/shared/blueprint/passwordKind';

const FIXTURES = join(import.meta.dirname, '../../fixtures/blueprints');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

describe('export', () => {
  it('writes the TOML bib reads, with passwords hashed and nothing else changed', () => {
    const imported = importBlueprint(fixture('workstation.toml'), { format: 'toml' });
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    const toml = exportBlueprintToml(imported.blueprint, { imageType: 'raw' });
    expect(toml).not.toContain('correct horse');
    const written = parseToml(toml) as Blueprint;
    const [alice, bob] = written.customizations?.user ?? [];
    expect(verify('correct horse battery staple', alice?.password ?? '')).toBe(true);
    expect(bob?.password).toBe('');
    expect({ ...written, customizations: { ...written.customizations, user: undefined } }).toEqual({
      ...imported.blueprint,
      customizations: { ...imported.blueprint.customizations, user: undefined },
    });
    expect(toml).toMatch(/^name = "workstation"\n/);
    expect(toml).toContain('[[customizations.user]]\nname = "alice"');
    expect(toml).toContain(
      '[[customizations.filesystem]]\nmountpoint = "/var/data"\nminsize = 21474836480\n',
    );
  });

  it('writes 2-space JSON, and the legacy wrapper comes out plain', () => {
    const imported = importBlueprint(fixture('installer.json'), { format: 'json' });
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    const json = exportBlueprintJson(imported.blueprint, { imageType: 'anaconda-iso' });
    expect(json).toBe(`${JSON.stringify(imported.blueprint, null, 2)}\n`);
    const legacy = importBlueprint('{"blueprint": {"customizations": {"kernel": {"append": "quiet"}}}}', {
      format: 'json',
    });
    expect(legacy.ok && exportBlueprintJson(legacy.blueprint)).toBe(
      '{\n  "customizations": {\n    "kernel": {\n      "append": "quiet"\n    }\n  }\n}\n',
    );
  });

  it('refuses what validation refuses, with the problems and without the password', () => {
    const blueprint: Blueprint = { customizations: { user: [{ name: '-bad', password: 'hunter2' }] } };
    for (const write of [exportBlueprintToml, exportBlueprintJson]) {
      let refused: unknown;
      try {
        write(blueprint);
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(BlueprintRefusedError);
      const error = refused as BlueprintRefusedError;
      expect(error.code).toBe('refused');
      expect(error.problems.map((problem) => problem.path)).toEqual([['customizations', 'user', 0, 'name']]);
      expect(error.message).not.toContain('hunter2');
    }
    expect(() => exportBlueprintToml({ customizations: { birds: [] } })).toThrow(/Unknown key "birds"/);
    expect(() =>
      exportBlueprintToml(
        { customizations: { user: [{ name: 'a' }], installer: { kickstart: { contents: 'x' } } } },
        { imageType: 'iso' },
      ),
    ).toThrow(BlueprintRefusedError);
  });

  it('the low-level writers refuse a plain password outright', () => {
    const plain: Blueprint = { customizations: { user: [{ name: 'alice', password: 'hunter2' }] } };
    expect(() => stringifyBlueprintToml(plain)).toThrow(/plain password/);
    expect(() => stringifyBlueprintJson(plain)).toThrow(/plain password/);
  });

  it('writes an empty blueprint as an empty document bib accepts', () => {
    expect(stringifyBlueprintToml({})).toBe('\n');
    expect(stringifyBlueprintJson({})).toBe('{}\n');
  });
});

/** Strings that break naive TOML/JSON writers, mixed with arbitrary (well-formed) text. */
const HOSTILE = [
  '"',
  "'",
  '\\',
  '\\"',
  '\n',
  '\r\n',
  '\t',
  ']]',
  '[[',
  '"""',
  "'''",
  '=',
  '#',
  '\u0000',
  '\u001b[31m',
  '\u007f',
  '\u2028',
  '\ufeff',
  'é',
  '🔑',
  '\\u0041',
  '"\nfips = true\n',
  '"""\n[customizations.kernel]\nappend = "injected"\n"""',
  '\n[[customizations.user]]\nname = "root"\npassword = ""\n',
  '", "injected": "',
  '$(rm -rf)`x`',
];
const wellFormed = (text: string) => !/\p{Cs}/u.test(text);
const hostileString = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 8 })), { maxLength: 8 })
      .map((parts) => parts.join('')),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).filter(wellFormed) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 2000, maxLength: 6000 }) },
);
// Mostly values that pass through as hashes (complete SHA-512 crypt hashes, the only ones kept as
// they are): SHA-512 crypt takes milliseconds per plain one.
const password = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^\$6\$[./0-9A-Za-z]{0,16}\$[./0-9A-Za-z]{86}$/) },
  {
    weight: 1,
    arbitrary: hostileString.filter((text) => ['plain', 'locked'].includes(classifyPassword(text).kind)),
  },
);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const safeInt = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
const strings = fc.array(hostileString, { maxLength: 3 });

const userArbitrary = fc.record(
  {
    name: hostileString,
    description: hostileString,
    password,
    key: hostileString,
    home: hostileString,
    shell: hostileString,
    groups: strings,
    uid: safeInt,
    gid: safeInt,
    expiredate: safeInt,
    force_password_reset: fc.boolean(),
  },
  { requiredKeys: ['name'] },
);

const blueprintArbitrary: fc.Arbitrary<Blueprint> = fc.record(
  {
    name: hostileString,
    description: hostileString,
    version: hostileString,
    customizations: fc.record(
      {
        user: fc.array(userArbitrary, { maxLength: 3 }),
        group: fc.array(
          fc.record({ name: hostileString, gid: optional(safeInt) }, { requiredKeys: ['name'] }),
          { maxLength: 3 },
        ),
        kernel: fc.record({ append: hostileString, name: hostileString }, { requiredKeys: [] }),
        filesystem: fc.array(
          fc.record({ mountpoint: hostileString, minsize: fc.oneof(fc.maxSafeNat(), hostileString) }),
          { maxLength: 3 },
        ),
        installer: fc.record(
          {
            unattended: fc.boolean(),
            'sudo-nopasswd': strings,
            kickstart: fc.record({ contents: hostileString }),
            modules: fc.record({ enable: strings, disable: strings }, { requiredKeys: [] }),
          },
          { requiredKeys: [] },
        ),
        iso: fc.record(
          { volume_id: hostileString, application_id: hostileString, publisher: hostileString },
          { requiredKeys: [] },
        ),
        fips: fc.boolean(),
        hostname: hostileString,
        files: fc.array(fc.record({ path: hostileString, data: hostileString }), { maxLength: 2 }),
        sshd: fc.dictionary(
          hostileString.filter((key) => key !== '__proto__'),
          hostileString,
          { maxKeys: 3 },
        ),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

/** Every key path of a value: the model's shape, to prove none was added or lost. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => keyPaths(item, `${prefix}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => [
      `${prefix}.${JSON.stringify(key)}`,
      ...keyPaths(inner, `${prefix}.${JSON.stringify(key)}`),
    ]);
  }
  return [];
}

/** JSON.parse∘stringify drops undefined members, as the writers do. */
const withoutUndefined = (blueprint: Blueprint): Blueprint =>
  JSON.parse(JSON.stringify(blueprint)) as Blueprint;

describe('serialize → parse gives back the identical model, whatever the strings hold', () => {
  it('TOML', () => {
    fc.assert(
      fc.property(blueprintArbitrary, (blueprint) => {
        const hashed = withoutUndefined(hashBlueprintPasswords(blueprint));
        const toml = stringifyBlueprintToml(hashed);
        const decoded = decodeBlueprintToml(toml);
        expect(decoded.ok).toBe(true);
        if (!decoded.ok) return;
        expect(decoded.blueprint).toEqual(hashed);
        expect(keyPaths(parseToml(toml)).sort()).toEqual(keyPaths(hashed).sort());
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('JSON', () => {
    fc.assert(
      fc.property(blueprintArbitrary, (blueprint) => {
        const hashed = withoutUndefined(hashBlueprintPasswords(blueprint));
        const json = stringifyBlueprintJson(hashed);
        const decoded = decodeBlueprintJson(json);
        expect(decoded.ok).toBe(true);
        if (!decoded.ok) return;
        expect(decoded.blueprint).toEqual(hashed);
        expect(keyPaths(JSON.parse(json)).sort()).toEqual(keyPaths(hashed).sort());
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('a value crafted to close its string and open a table stays one value', () => {
    const attack =
      '"""\n[customizations.kernel]\nappend = "injected"\n"""\n[[customizations.user]]\nname = "root"\npassword = ""';
    const blueprint: Blueprint = { description: attack, customizations: { kernel: { append: attack } } };
    const decoded = decodeBlueprintToml(stringifyBlueprintToml(blueprint));
    expect(decoded.ok && decoded.blueprint).toEqual(blueprint);
  });

  it('refuses half of a surrogate pair, which neither format could carry faithfully', () => {
    const decoded = decodeBlueprintJson('{"name": "broken \\ud800 character"}');
    expect(decoded).toMatchObject({
      ok: false,
      problems: [{ line: 1, message: expect.stringContaining('broken character') }],
    });
  });
});
