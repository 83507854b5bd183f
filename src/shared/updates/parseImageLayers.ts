import type { ImageLayers, ImageSource } from './imageLayers';
import { type HistoryEntry, instructionsPerLayer } from './layerHistory';
import type { RawManifest } from './pickManifest';

interface RawConfig {
  architecture?: string;
  rootfs?: { diff_ids?: string[] };
  history?: HistoryEntry[];
}

/**
 * An image's layers from its manifest and config (both as the registry or containers-storage
 * hands them over): diff_ids line up with the manifest's layers one to one, as the OCI image spec
 * requires; a config that disagrees gives no diff_ids rather than wrong ones.
 */
export function parseImageLayers(input: {
  ref: string;
  source: ImageSource;
  manifestDigest: string;
  manifest: RawManifest;
  config: RawConfig;
}): ImageLayers {
  const layers = input.manifest.layers ?? [];
  const diffIds = input.config.rootfs?.diff_ids ?? [];
  const aligned = diffIds.length === layers.length;
  const instructions = instructionsPerLayer(input.config.history, layers.length);
  return {
    ref: input.ref,
    source: input.source,
    manifestDigest: input.manifestDigest,
    architecture: input.config.architecture ?? null,
    layers: layers.map((layer, index) => ({
      digest: layer.digest,
      diffId: aligned ? (diffIds[index] ?? null) : null,
      size: layer.size,
      createdBy: instructions[index] ?? null,
    })),
  };
}
