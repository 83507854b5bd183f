import { createHash } from 'node:crypto';
import type { ImageLayers } from '../../shared/updates/imageLayers';
import type { ImageSpec } from '../../shared/updates/imageSpec';
import { parseImageLayers } from '../../shared/updates/parseImageLayers';
import type { HelperClient } from '../privileged/helperClient';
import { type RegistryReadOptions, readRegistryImage } from './readRegistryImage';
import { UpdateReadError } from './updateReadError';

/** Reads an image from root's storage (through the helper) or from its registry, as `spec` says. */
export async function readImageLayers(
  spec: ImageSpec,
  helper: () => Promise<HelperClient>,
  options: RegistryReadOptions,
): Promise<ImageLayers> {
  if (spec.where !== 'registry') {
    const client = await helper();
    const local = await client.call({ method: 'readLocalImage', params: { ref: spec.ref } });
    if (local.present) {
      return parseImageLayers({
        ref: spec.ref,
        source: 'local',
        manifestDigest: `sha256:${createHash('sha256').update(local.manifest).digest('hex')}`,
        manifest: JSON.parse(local.manifest),
        config: JSON.parse(local.config),
      });
    }
    if (spec.where === 'local') throw new UpdateReadError('notFound', { ref: spec.ref });
  }
  return readRegistryImage(spec.ref, options);
}
