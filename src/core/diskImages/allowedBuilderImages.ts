import { readFile } from 'node:fs/promises';
import { BUILDERS_CONF, DEFAULT_BUILDERS, parseBuildersConf } from '../../shared/diskImages/builderPolicy';

/**
 * The builder images root allows, as main can read them (the file is world-readable): what the
 * Settings form offers and what updateSettings accepts. The helper reads the same file as root
 * and decides for itself; this copy only spares the person a refusal later.
 */
export async function allowedBuilderImages(
  file = BUILDERS_CONF,
): Promise<{ allowed: string[]; file: string; fromFile: boolean }> {
  const text = await readFile(file, 'utf8').catch(() => null);
  return text === null
    ? { allowed: DEFAULT_BUILDERS, file, fromFile: false }
    : { allowed: parseBuildersConf(text), file, fromFile: true };
}
