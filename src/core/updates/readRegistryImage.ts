import { createHash } from 'node:crypto';
import { execa } from 'execa';
import type { ImageLayers } from '../../shared/updates/imageLayers';
import { repositoryOf } from '../../shared/updates/imageSpec';
import { parseImageLayers } from '../../shared/updates/parseImageLayers';
import { isIndex, manifestForArchitecture, type RawManifest } from '../../shared/updates/pickManifest';
import { classifyRegistryFailure, failureDetail } from '../../shared/updates/registryFailure';
import { UpdateReadError } from './updateReadError';

export interface RegistryReadOptions {
  /** Skip TLS verification: only for a registry the person marked insecure. */
  insecure?: boolean;
  /** The host architecture whose image an index resolves to. */
  architecture: string;
}

const MAX_BYTES = 4 * 1024 * 1024;

/** skopeo as the person running Bootstick (their registries.conf, their `podman login`). */
async function skopeo(args: string[], ref: string, options: RegistryReadOptions): Promise<string> {
  const result = await execa(
    'skopeo',
    ['inspect', ...args, `--tls-verify=${options.insecure ? 'false' : 'true'}`, `docker://${ref}`],
    { reject: false, timeout: 120_000, stdin: 'ignore', maxBuffer: MAX_BYTES },
  );
  if (result.exitCode === 0) return String(result.stdout);
  const stderr = String(result.stderr);
  throw new UpdateReadError(classifyRegistryFailure(stderr), { ref, detail: failureDetail(stderr) });
}

/**
 * An image's layers as its registry serves them (compressed sizes: what a host downloads). An
 * index is resolved to the manifest for `architecture`, as that host's bootc would.
 */
export async function readRegistryImage(ref: string, options: RegistryReadOptions): Promise<ImageLayers> {
  let raw = await skopeo(['--raw'], ref, options);
  let manifest = JSON.parse(raw) as RawManifest;
  let pinned = ref;
  if (isIndex(manifest)) {
    const digest = manifestForArchitecture(manifest, options.architecture);
    if (!digest) throw new UpdateReadError('noArchitecture', { ref, arch: options.architecture });
    pinned = `${repositoryOf(ref)}@${digest}`;
    raw = await skopeo(['--raw'], pinned, options);
    manifest = JSON.parse(raw) as RawManifest;
  }
  const config = JSON.parse(await skopeo(['--config'], pinned, options));
  const manifestDigest = `sha256:${createHash('sha256').update(raw).digest('hex')}`;
  return parseImageLayers({ ref, source: 'registry', manifestDigest, manifest, config });
}
