import { execa } from 'execa';
import type { LocalImageRaw } from '../../shared/updates/localImageRaw';

/** A manifest or config is a few kB; a bound keeps a strange image from filling the helper. */
const MAX_BYTES = 4 * 1024 * 1024;

async function skopeoInspect(flag: '--raw' | '--config', ref: string) {
  return execa('skopeo', ['inspect', flag, `containers-storage:${ref}`], {
    reject: false,
    timeout: 60_000,
    stdin: 'ignore',
    maxBuffer: MAX_BYTES,
  });
}

/**
 * The manifest and config of an image in root's storage (skopeo reads containers-storage
 * directly). `ref` was checked against ImageRefSchema, so it is a name or an id, never an option.
 */
export async function readLocalImage(ref: string): Promise<LocalImageRaw> {
  const manifest = await skopeoInspect('--raw', ref);
  if (manifest.exitCode !== 0) {
    const stderr = String(manifest.stderr);
    if (/does not resolve to an image|identifier is not an image|image not known/.test(stderr)) {
      return { present: false };
    }
    throw new Error(`skopeo could not read ${ref} in root's storage: ${stderr.trim().slice(-400)}`);
  }
  const config = await skopeoInspect('--config', ref);
  if (config.exitCode !== 0) {
    throw new Error(
      `skopeo could not read the config of ${ref}: ${String(config.stderr).trim().slice(-400)}`,
    );
  }
  return { present: true, manifest: String(manifest.stdout), config: String(config.stdout) };
}
