import type { Reporter, TestModule } from 'vitest/node';

/**
 * In CI a skipped test is a failure: a test that does not run proves nothing, and a skip
 * that slipped into main would hide it. Outside CI skips are reported but allowed.
 */
export default class FailOnSkippedReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'skipped' || state === 'pending') skipped.push(`${module.moduleId} › ${test.fullName}`);
      }
    }
    if (skipped.length === 0) return;
    const lines = skipped.map((name) => `  - ${name}`).join('\n');
    if (process.env.CI) {
      process.stderr.write(`\nCI: ${skipped.length} skipped test(s) count as failures:\n${lines}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`\n${skipped.length} skipped test(s) (a failure in CI):\n${lines}\n`);
    }
  }
}
