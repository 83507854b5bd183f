import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
export const BUILT = {
  cli: join(ROOT, 'bin/bootstick.js'),
  helper: join(ROOT, 'out/main/helper.js'),
  renderer: join(ROOT, 'out/renderer'),
};

/** Tests of built bundles run after `npm run build` (npm test does it); say so if it did not. */
export function requireBuild(): void {
  for (const path of [join(ROOT, 'out/main/cli.js'), BUILT.helper, join(BUILT.renderer, 'index.html')]) {
    if (!existsSync(path))
      throw new Error(`${path} is missing: run \`npm run build\` first (npm test does).`);
  }
}

/** Where the end-to-end and Electron tests keep their screenshots (CI keeps them as artifacts). */
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
