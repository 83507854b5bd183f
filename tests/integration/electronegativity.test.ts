import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/builtApp';

/**
 * `npm run lint:electron` (scripts/electronegativity.mjs) is the gate npm test runs over src/.
 * Here it is shown to close: an insecure fixture fails it, and an exception covers only the
 * statement it names.
 */

const FIXTURE = join(ROOT, 'tests/fixtures/electronegativity');

async function lintElectron(config: object) {
  const dir = await mkdtemp(join(tmpdir(), 'bootstick-electronegativity-'));
  const file = join(dir, 'config.json');
  await writeFile(file, JSON.stringify({ input: join(FIXTURE, 'insecure'), failOn: 'HIGH', ...config }));
  return promisify(execFile)(process.execPath, [
    join(ROOT, 'scripts/electronegativity.mjs'),
    '--config',
    file,
  ]).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}

const offline = { excludeChecks: { AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK: 'needs the internet' } };

describe('the electronegativity gate', () => {
  it('fails on a window with contextIsolation off and no navigation limits, naming each finding', async () => {
    const { code, stdout } = await lintElectron(offline);
    expect(code).toBe(1);
    expect(stdout).toMatch(/HIGH 2 · MEDIUM \d+/);
    expect(stdout).toMatch(/HIGH\s+CONTEXT_ISOLATION_JS_CHECK\s+main\.js:6/);
    expect(stdout).toMatch(/HIGH\s+LIMIT_NAVIGATION_GLOBAL_CHECK/);
  });

  it('applies an exception only where the flagged statement contains its text', async () => {
    const exception = (statementContains: string) => ({
      check: 'CONTEXT_ISOLATION_JS_CHECK',
      file: 'main.js',
      statementContains,
      reason: 'fixture',
    });
    const navigation = {
      check: 'LIMIT_NAVIGATION_GLOBAL_CHECK',
      file: 'N/A',
      statementContains: '',
      reason: 'fixture',
    };
    const elsewhere = await lintElectron({
      ...offline,
      exceptions: [exception('mainWindowOptions('), navigation],
    });
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stdout).toMatch(/HIGH\s+CONTEXT_ISOLATION_JS_CHECK/);
    const here = await lintElectron({
      ...offline,
      exceptions: [exception('contextIsolation: false'), navigation],
    });
    expect(here.stdout).toMatch(/excepted HIGH\s+CONTEXT_ISOLATION_JS_CHECK\s+main\.js:6\s+fixture/);
    expect(here.stdout).toContain('HIGH 0');
    expect(here.code).toBe(0);
  });
});
