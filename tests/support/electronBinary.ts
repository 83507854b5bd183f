import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './builtApp';

/** How every "no Electron here" skip note begins; the CI reporter lets exactly these through. */
export const ELECTRON_ABSENT = 'Electron binary not installed';

export type ElectronBinary = { path: string; absent?: undefined } | { path?: undefined; absent: string };

/**
 * The executable `require('electron')` would return — found the same way (path.txt, dist/,
 * ELECTRON_OVERRIDE_DIST_PATH) but without requiring it: electron's index.js downloads the
 * binary when it is missing, which CI hosts cannot do (ELECTRON_SKIP_BINARY_DOWNLOAD=1).
 */
export function electronBinary(): ElectronBinary {
  const packageDir = join(ROOT, 'node_modules/electron');
  const pathFile = join(packageDir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const path = override
    ? join(override, name ?? 'electron')
    : name
      ? join(packageDir, 'dist', name)
      : undefined;
  if (path && existsSync(path)) return { path };
  return {
    absent: path
      ? `${ELECTRON_ABSENT}: ${path} is missing (npm install without ELECTRON_SKIP_BINARY_DOWNLOAD=1 downloads it)`
      : `${ELECTRON_ABSENT}: node_modules/electron has no binary (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1; ` +
        'run `npx install-electron` where the download is reachable)',
  };
}
