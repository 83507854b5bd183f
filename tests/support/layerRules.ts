import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/**
 * The layers of src/ and what each may import of ours (DESIGN.md, "Layout"): shared is the
 * contract and imports nothing of ours; core is plain Node services over shared; the privileged
 * helper uses shared and core only, so everything root runs is in those three folders; the app
 * (main), the CLI, the preload and the renderer sit on top.
 */
export const LAYERS: Record<string, readonly string[]> = {
  shared: ['shared'],
  core: ['shared', 'core'],
  helper: ['shared', 'core', 'helper'],
  main: ['shared', 'core', 'main'],
  cli: ['shared', 'core', 'cli'],
  preload: ['shared', 'preload'],
  renderer: ['shared', 'renderer'],
};

export interface SourceFile {
  /** Path relative to src/, with forward slashes. */
  path: string;
  text: string;
}

/** Every `from '…'`, `import('…')` and `export … from '…'` specifier of a file. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:from|import\()\s*['"]([^'"]+)['"]/g)) found.push(match[1] as string);
  return found;
}

/** The layer-rule breaches of these files, one line each: "<file> imports <target> (<layer>)". */
export function layerViolations(files: SourceFile[]): string[] {
  const violations: string[] = [];
  for (const file of files) {
    const layer = file.path.split('/')[0] as string;
    const allowed = LAYERS[layer];
    if (!allowed) {
      violations.push(
        `${file.path} is in no layer (src/${layer}/ is not one of ${Object.keys(LAYERS).join(', ')})`,
      );
      continue;
    }
    for (const specifier of specifiers(file.text)) {
      if (!specifier.startsWith('.')) continue;
      const target = normalize(join(dirname(file.path), specifier))
        .split(sep)
        .join('/');
      if (target.startsWith('..')) {
        violations.push(`${file.path} imports ${specifier}, outside src/`);
        continue;
      }
      const targetLayer = target.split('/')[0] as string;
      if (!allowed.includes(targetLayer)) violations.push(`${file.path} imports ${target} (${targetLayer})`);
    }
  }
  return violations;
}

/** The source files under `root` (src/), as layerViolations takes them. */
export function sourceFilesUnder(root: string): SourceFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? walk(path) : /\.(tsx?|mjs)$/.test(entry) ? [path] : [];
    });
  return walk(root).map((path) => ({
    path: relative(root, path).split(sep).join('/'),
    text: readFileSync(path, 'utf8'),
  }));
}
