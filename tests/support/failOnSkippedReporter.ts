import { relative, sep } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { ROOT } from './builtApp';
import { ELECTRON_ABSENT, electronBinary } from './electronBinary';

/**
 * In CI a skipped test is a failure: a test that does not run proves nothing, and a skip
 * that slipped into main would hide it. Outside CI skips are reported but allowed.
 *
 * One exception, checked rather than trusted: an Electron launch test (tests/electron/) skipped
 * because the Electron binary is not installed — its skip note says so, and the binary really is
 * absent. It is reported in one line.
 */
export default class FailOnSkippedReporter implements Reporter {
  private readonly electronAbsent: () => boolean;
  private readonly write: (text: string) => void;

  /** Vitest passes its own reporter options; tests pass stand-ins for the two facts used. */
  constructor(options: { electronAbsent?: () => boolean; write?: (text: string) => void } = {}) {
    this.electronAbsent = options?.electronAbsent ?? (() => electronBinary().absent !== undefined);
    this.write = options?.write ?? ((text) => process.stderr.write(text));
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped: string[] = [];
    const noElectron = new Set<string>();
    let electronSkips = 0;
    for (const module of testModules) {
      const inElectronTests = relative(ROOT, module.moduleId).startsWith(`tests${sep}electron${sep}`);
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state !== 'skipped' && result.state !== 'pending') continue;
        const note = result.state === 'skipped' ? result.note : undefined;
        if (inElectronTests && note?.startsWith(ELECTRON_ABSENT) && this.electronAbsent()) {
          noElectron.add(note);
          electronSkips += 1;
          continue;
        }
        skipped.push(`${module.moduleId} › ${test.fullName}`);
      }
    }
    if (noElectron.size > 0) {
      this.write(`\nElectron launch tests skipped (${electronSkips}): ${[...noElectron].join('; ')}\n`);
    }
    if (skipped.length === 0) return;
    const lines = skipped.map((name) => `  - ${name}`).join('\n');
    if (process.env.CI) {
      this.write(`\nCI: ${skipped.length} skipped test(s) count as failures:\n${lines}\n`);
      process.exitCode = 1;
    } else {
      this.write(`\n${skipped.length} skipped test(s) (a failure in CI):\n${lines}\n`);
    }
  }
}
