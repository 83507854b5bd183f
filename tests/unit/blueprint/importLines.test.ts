import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkBlueprintSource,
  detectBlueprintFormat,
  importBlueprint,
} from '../../../src/core/blueprint/importBlueprint';
import { parseJsonSource } from '../../../src/core/blueprint/jsonSource';
import { pathKey } from '../../../src/core/blueprint/sourceLocator';
import { locateTomlKeys } from '../../../src/core/blueprint/tomlSource';

const FIXTURES = join(import.meta.dirname, '../../fixtures/blueprints');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const lines = (problems: ReadonlyArray<{ line: number; message: string }>) =>
  problems.map((problem) => `${problem.line}: ${problem.message}`);

describe('import problems carry the line they are on', () => {
  it('TOML: wrong types and unknown keys on valid syntax', () => {
    const result = importBlueprint(fixture('broken-lines.toml'), { fileName: 'broken-lines.toml' });
    expect(result.ok).toBe(false);
    expect(lines(result.problems)).toEqual([
      '9: "customizations.user[1].uid" must be a whole number.',
      '14: Unknown key "appendix" in customizations.kernel: bib refuses keys it does not know.',
    ]);
  });

  it('TOML: once it decodes, every rule’s problem is on its line too', () => {
    const text = fixture('broken-lines.toml')
      .replace('uid = "1000"', 'uid = 1000')
      .replace('appendix = "typo"\n', '');
    const check = checkBlueprintSource(text, { format: 'toml', imageType: 'raw' });
    expect(check.problems.map((problem) => [problem.line, problem.path.join('.')])).toEqual([
      [8, 'customizations.user.1.name'],
      [10, 'customizations.user.1.password'],
      [16, 'customizations.filesystem.0.mountpoint'],
      [17, 'customizations.filesystem.0.minsize'],
    ]);
  });

  it('JSON: the same problems, on their JSON lines', () => {
    const result = importBlueprint(fixture('broken-lines.json'), { fileName: 'broken-lines.json' });
    expect(lines(result.problems)).toEqual([
      '9: "customizations.user[1].uid" must be a whole number.',
      '10: Unknown key "ssh_key" in customizations.user[1]: bib refuses keys it does not know. Did you mean "key"?',
    ]);
  });

  it('JSON: the legacy wrapper shifts nothing', () => {
    const result = importBlueprint(fixture('legacy-wrapper.json'), { fileName: 'legacy-wrapper.json' });
    expect(lines(result.problems)).toEqual([
      '2: This file uses the old {"blueprint": …} wrapper. bib still reads it; Bootstick writes the plain form.',
      '5: "customizations.user[0].uid" must be a whole number.',
    ]);
  });

  it('syntax errors give line and column and never quote the text (it may hold a password)', () => {
    const toml = importBlueprint(fixture('syntax-error.toml'), { format: 'toml' });
    expect(toml.problems).toEqual([expect.objectContaining({ line: 3, severity: 'error' })]);
    expect(toml.problems[0]?.message).toMatch(/^This is not valid TOML \(line 3, column \d+\): /);
    const json = importBlueprint(fixture('syntax-error.json'), { format: 'json' });
    expect(lines(json.problems)).toEqual([
      '4: This is not valid JSON (line 4, column 72): A comma before "}" is not allowed in JSON.',
    ]);
    for (const problem of [...toml.problems, ...json.problems])
      expect(problem.message).not.toContain('secret');
  });

  it('JSON syntax errors JSON.parse reports without a position still get one', () => {
    const cases: Array<[string, number, string]> = [
      ['{\n  "a": tru\n}', 2, 'Expected a value but found "t"'],
      ['{\n  "a": 1\n', 3, 'Expected "," or "}" but found the end of the file'],
      ['{\n  "a": "x\ny"\n}', 2, 'Line break or control character inside a string'],
      ['{"a": 1} {"b": 2}', 1, 'after the end of the JSON value'],
      ['\ufeff{}', 1, 'byte-order mark'],
      ['{\n\n  "a": 01\n}', 3, 'Expected "," or "}"'],
      ['{"a": "\\x"}', 1, 'Unknown escape'],
      ['[1,]', 1, 'A comma before "]"'],
    ];
    for (const [text, line, message] of cases) {
      const result = parseJsonSource(text);
      expect(result, text).toMatchObject({ ok: false, line, message: expect.stringContaining(message) });
      expect(() => JSON.parse(text), text).toThrow();
    }
  });

  it('the JSON reader agrees with JSON.parse on valid JSON', () => {
    for (const text of [
      '{}',
      '[]',
      '"x"',
      '-0.5e+3',
      '{"a": [1, {"b": null}, true, false, "\\u00e9\\n"], "c": {}}',
      ' \n\t{"dup": 1, "dup": 2}\r\n',
    ]) {
      expect(parseJsonSource(text)).toMatchObject({ ok: true, value: JSON.parse(text) });
    }
  });
});

describe('the TOML key locator', () => {
  it('follows nested arrays of tables, dotted and quoted keys, and multi-line values', () => {
    const text = [
      'name = "x"', // 1
      'description = """', // 2
      '[[customizations.user]]', // 3 (inside the string)
      '"""', // 4
      '[[customizations.disk.partitions]]', // 5
      'type = "lvm"', // 6
      '[[customizations.disk.partitions.logical_volumes]]', // 7
      'name = "a"', // 8
      '[[customizations.disk.partitions.logical_volumes]]', // 9
      'name = "b"', // 10
      '[[customizations.disk.partitions]]', // 11
      '[[customizations.disk.partitions.logical_volumes]]', // 12
      '  \'mount point\' . "x y" = [', // 13
      '  "]", """', // 14
      '[[not.a.table]]', // 15
      '""" ]', // 16
      '[customizations.installer]', // 17
      '"sudo-nopasswd" = ["a"] # comment [', // 18
      "kickstart.contents = '''", // 19
      'a = 1', // 20
      "'''", // 21
      'modules = { enable = ["x"] }', // 22
    ].join('\n');
    const located = locateTomlKeys(text);
    const at = (...path: Array<string | number>) => located.get(pathKey(path));
    expect(at('description')).toBe(2);
    expect(at('customizations', 'user')).toBeUndefined();
    expect(at('customizations', 'disk', 'partitions', 0, 'type')).toBe(6);
    expect(at('customizations', 'disk', 'partitions', 0, 'logical_volumes', 1, 'name')).toBe(10);
    expect(at('customizations', 'disk', 'partitions', 1, 'logical_volumes', 0)).toBe(12);
    expect(at('customizations', 'disk', 'partitions', 1, 'logical_volumes', 0, 'mount point', 'x y')).toBe(
      13,
    );
    expect(at('not')).toBeUndefined();
    expect(at('customizations', 'installer', 'sudo-nopasswd')).toBe(18);
    expect(at('customizations', 'installer', 'kickstart', 'contents')).toBe(19);
    expect(at('customizations', 'installer', 'a')).toBeUndefined();
    expect(at('customizations', 'installer', 'modules')).toBe(22);
  });
});

describe('format detection', () => {
  it('goes by extension first, then by content', () => {
    expect(detectBlueprintFormat('{}', 'config.toml')).toBe('toml');
    expect(detectBlueprintFormat('[x]', 'CONFIG.JSON')).toBe('json');
    expect(detectBlueprintFormat('  \n{ "customizations": {} }', 'config')).toBe('json');
    expect(detectBlueprintFormat('[customizations.kernel]\n')).toBe('toml');
  });
});

describe('TOML values bib has no use for', () => {
  it('refuses a date on its line', () => {
    const result = importBlueprint('name = "x"\nversion = 2026-05-01\n', { format: 'toml' });
    expect(lines(result.problems)).toEqual([
      '2: A date is not a setting bib knows; write it in quotes if it is meant as text.',
    ]);
  });

  it('refuses a __proto__ key instead of letting it vanish', () => {
    const toml = importBlueprint('[customizations.sshd]\n"__proto__" = "x"\n', { format: 'toml' });
    expect(lines(toml.problems)).toEqual(['2: A key named "__proto__" is not allowed.']);
    const json = importBlueprint('{"customizations": {\n"sshd": {"__proto__": {"a": 1}}}}', {
      format: 'json',
    });
    expect(lines(json.problems)).toEqual(['2: A key named "__proto__" is not allowed.']);
  });
});
