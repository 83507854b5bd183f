import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestModule } from 'vitest/node';
import { ROOT } from '../support/builtApp';
import { ELECTRON_ABSENT } from '../support/electronBinary';
import FailOnSkippedReporter from '../support/failOnSkippedReporter';

type Outcome = { state: 'passed' } | { state: 'skipped'; note?: string };

const moduleOf = (file: string, tests: Outcome[]) =>
  ({
    moduleId: join(ROOT, file),
    children: {
      allTests: () => tests.map((result, index) => ({ fullName: `test ${index}`, result: () => result })),
    },
  }) as unknown as TestModule;

const NO_ELECTRON = `${ELECTRON_ABSENT}: node_modules/electron has no binary`;

function report(modules: TestModule[], electronAbsent = true) {
  const written: string[] = [];
  new FailOnSkippedReporter({
    electronAbsent: () => electronAbsent,
    write: (text) => written.push(text),
  }).onTestRunEnd(modules);
  return { exitCode: process.exitCode, output: written.join('') };
}

let savedCI: string | undefined;
beforeEach(() => {
  savedCI = process.env.CI;
  process.env.CI = 'true';
  process.exitCode = undefined;
});
afterEach(() => {
  process.env.CI = savedCI;
  if (savedCI === undefined) delete process.env.CI;
  process.exitCode = undefined;
});

describe('skips in CI', () => {
  it('fail the run', () => {
    const { exitCode, output } = report([
      moduleOf('tests/unit/a.test.ts', [{ state: 'passed' }, { state: 'skipped' }]),
    ]);
    expect(exitCode).toBe(1);
    expect(output).toContain('1 skipped test(s) count as failures');
  });

  it('let through an Electron launch test skipped for want of the binary, in one line', () => {
    const { exitCode, output } = report([
      moduleOf('tests/electron/launchApp.test.ts', [{ state: 'skipped', note: NO_ELECTRON }]),
    ]);
    expect(exitCode).toBeUndefined();
    expect(output.trim().split('\n')).toEqual([`Electron launch tests skipped (1): ${NO_ELECTRON}`]);
  });

  it('do not let through the same note outside tests/electron, another reason, or a binary that is there', () => {
    expect(
      report([moduleOf('tests/e2e/x.test.ts', [{ state: 'skipped', note: NO_ELECTRON }])]).exitCode,
    ).toBe(1);
    process.exitCode = undefined;
    expect(
      report([moduleOf('tests/electron/x.test.ts', [{ state: 'skipped', note: 'flaky' }])]).exitCode,
    ).toBe(1);
    process.exitCode = undefined;
    const present = report(
      [moduleOf('tests/electron/x.test.ts', [{ state: 'skipped', note: NO_ELECTRON }])],
      false,
    );
    expect(present.exitCode).toBe(1);
  });
});
