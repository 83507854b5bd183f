import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBlueprintSource, importBlueprint } from '../../../src/core/blueprint/importBlueprint';
import { validateBlueprint } from '../../../src/shared/blueprint/validateBlueprint';
import { BIB_DATA_DIR } from '../../support/referenceData';

/**
 * The configs collected from bib, blueprint and images (README examples and upstream tests), with
 * what bib does with each (configs/INDEX.md). Kept outside the project: read, never copied.
 */
const CONFIGS = join(BIB_DATA_DIR, 'configs');
const present = existsSync(join(CONFIGS, 'INDEX.md'));
if (!present)
  console.warn(`Reference bib configs not found at ${CONFIGS}: the reference-config tests do not run.`);

/** `| file | status | repo | origin |` rows of INDEX.md. */
function indexRows(): Array<{ file: string; status: string }> {
  return readFileSync(join(CONFIGS, 'INDEX.md'), 'utf8')
    .split('\n')
    .map((line) => /^\| `([^`]+)` \| ([^|]+) \|/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ file: match[1] as string, status: (match[2] as string).trim() }));
}

/**
 * Accepted by bib, yet refused here on purpose, because the failure would only come later:
 * useradd refuses a relative home folder and shell at build time (a Go test struct, not a real config).
 * And a `password` that only starts like a crypt hash (`$5$xx$aabb…` is 22 characters, no SHA-256
 * crypt hash): osbuild copies it as the hash, so nobody could log in; Bootstick writes only complete hashes.
 */
const STRICTER_THAN_BIB: Record<string, string[]> = {
  'blueprint-test-user-all-fields.json': ['customizations.user[0].home', 'customizations.user[0].shell'],
  'bib-test-manifest-user-hashed-password.toml': ['customizations.user[0].password'],
};

describe.runIf(present)('the reference bib configs', () => {
  const rows = present ? indexRows() : [];
  const read = (file: string) => readFileSync(join(CONFIGS, file), 'utf8');

  it('lists every config file in the folder', () => {
    const files = readdirSync(CONFIGS).filter((file) => /\.(toml|json)$/.test(file));
    expect(rows.map((row) => row.file).sort()).toEqual(files.sort());
    expect(rows.length).toBeGreaterThan(50);
  });

  it('imports every config bib accepts, and the rules find no error in it', () => {
    const accepted = rows.filter((row) => row.status.startsWith('accepted'));
    expect(accepted.length).toBeGreaterThan(40);
    for (const { file } of accepted) {
      const result = importBlueprint(read(file), { fileName: file });
      expect(result, file).toMatchObject({ ok: true });
      if (!result.ok) continue;
      const errors = validateBlueprint(result.blueprint)
        .filter((problem) => problem.severity === 'error')
        .map((problem) =>
          problem.path
            .map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`))
            .join('')
            .slice(1),
        );
      expect(errors, file).toEqual(STRICTER_THAN_BIB[file] ?? []);
    }
  });

  it('refuses every config bib rejects, on a line of the file', () => {
    const rejected = rows.filter((row) => row.status.startsWith('rejected'));
    expect(rejected.length).toBeGreaterThanOrEqual(8);
    for (const { file } of rejected) {
      const check = checkBlueprintSource(read(file), { fileName: file, imageType: 'qcow2' });
      expect(check.ok, file).toBe(false);
      const errors = check.problems.filter((problem) => problem.severity === 'error');
      expect(errors.length, file).toBeGreaterThan(0);
      for (const problem of errors) expect(problem.line, file).toBeGreaterThan(1);
    }
  });

  it('says why the rejected filesystem configs are refused, as bib would', () => {
    const messages = (file: string) =>
      checkBlueprintSource(read(file), { fileName: file, imageType: 'raw' }).problems.map(
        (problem) => problem.message,
      );
    expect(messages('blueprint-test-fs-no-size.toml')).toEqual([
      '"customizations.filesystem[0].minsize" is missing.',
    ]);
    expect(messages('blueprint-test-fs-size-and-minsize.toml').join()).toContain(
      'either size or minsize, not both',
    );
    expect(messages('blueprint-test-fs-size-int.toml').join()).toContain(
      '"/var" itself cannot be a separate filesystem',
    );
    const parse = messages('blueprint-test-parse.toml').join('\n');
    expect(parse).toContain('"/opt" cannot be a separate filesystem');
    expect(parse).toContain('"packages" is ignored');
  });

  it('reads the legacy {"blueprint": …} JSON wrapper and keeps a pre-hashed $5$ password as it is', () => {
    const legacy = importBlueprint(read('bib-readme-legacy-2024-04-blueprint-wrapper-user.json'), {
      format: 'json',
    });
    expect(legacy).toMatchObject({
      ok: true,
      blueprint: { customizations: { user: [{ name: 'alice', groups: ['wheel'] }] } },
    });
    expect(legacy.problems.map((problem) => problem.message).join()).toContain(
      'old {"blueprint": …} wrapper',
    );
    const hashed = importBlueprint(read('bib-test-manifest-user-hashed-password.toml'), { format: 'toml' });
    expect(hashed.ok && hashed.blueprint.customizations?.user?.[0]?.password).toBe(
      '$5$xx$aabbccddeeffgghhiijj',
    );
  });

  it('warns about what bib accepts with a warning, without refusing it', () => {
    const check = checkBlueprintSource(read('bib-test-manifest-unsupported-repositories-warning.toml'), {
      format: 'toml',
      imageType: 'qcow2',
    });
    expect(check.ok).toBe(true);
    expect(check.problems).toEqual([
      expect.objectContaining({ severity: 'warning', line: 2, path: ['customizations', 'repositories'] }),
    ]);
  });
});
