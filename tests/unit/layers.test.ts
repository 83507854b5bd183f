import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYERS, layerViolations, sourceFilesUnder } from '../support/layerRules';

const SRC = join(import.meta.dirname, '../../src');

describe('the layers of src/', () => {
  it('are kept: each layer imports only the layers below it', () => {
    expect(layerViolations(sourceFilesUnder(SRC))).toEqual([]);
  });

  it('are all there is: every folder of src/ is a layer, and none is called build', () => {
    expect(
      readdirSync(SRC)
        .filter((entry) => statSync(join(SRC, entry)).isDirectory())
        .sort(),
    ).toEqual(Object.keys(LAYERS).sort());
    const folders = (dir: string): string[] =>
      readdirSync(dir)
        .filter((entry) => statSync(join(dir, entry)).isDirectory())
        .flatMap((entry) => [entry, ...folders(join(dir, entry))]);
    expect(folders(SRC).filter((name) => name === 'build')).toEqual([]);
  });

  it('catch a helper file that imports from main, and a shared one that imports core', () => {
    expect(
      layerViolations([
        {
          path: 'helper/flash/x.ts',
          text: "import { a } from '../../main/drives/y';\nimport { b } from '../../core/z';",
        },
        { path: 'shared/x.ts', text: "export { c } from '../core/w';" },
        { path: 'renderer/x.tsx', text: "const m = await import('../helper/v');" },
      ]),
    ).toEqual([
      'helper/flash/x.ts imports main/drives/y (main)',
      'shared/x.ts imports core/w (core)',
      'renderer/x.tsx imports helper/v (helper)',
    ]);
  });
});
