import { z } from 'zod';
import { type ImageLayers, ImageLayersSchema } from './imageLayers';

export const LayerRowSchema = z.object({
  digest: z.string(),
  size: z.number().int().nonnegative(),
  /** true: hosts on `from` do not have it and will download it whole. */
  isNew: z.boolean(),
  createdBy: z.string().nullable(),
});
export type LayerRow = z.infer<typeof LayerRowSchema>;

export const UpdateDiffSchema = z.object({
  from: ImageLayersSchema,
  to: ImageLayersSchema,
  /** One row per layer of `to`, in order. */
  layers: z.array(LayerRowSchema),
  newLayers: z.number().int(),
  totalLayers: z.number().int(),
  newBytes: z.number().int(),
  totalBytes: z.number().int(),
  /** Every layer is new (a flat image, or nothing shared): rechunking would help. */
  allLayersNew: z.boolean(),
  /** `to` has a single layer: every update of it re-downloads everything. */
  flat: z.boolean(),
  /**
   * The sizes are the registry's compressed sizes (what bootc downloads). false when `to` is only
   * in local storage: then they are uncompressed tar sizes, an upper bound until it is pushed.
   */
  sizesAreDownloads: z.boolean(),
});
export type UpdateDiff = z.infer<typeof UpdateDiffSchema>;

/**
 * What hosts running `from` download to move to `to`, as bootc computes it (ostree-ext's
 * ManifestDiff): every layer of `to` whose digest `from` lacks, whole. A local image's layers are
 * uncompressed while a registry's are compressed, so a layer also counts as present when its
 * uncompressed digest (diff_id) matches: it is the same content and a push reuses the blob.
 */
export function diffUpdate(from: ImageLayers, to: ImageLayers): UpdateDiff {
  const known = new Set<string>();
  for (const layer of from.layers) {
    known.add(layer.digest);
    if (layer.diffId) known.add(layer.diffId);
  }
  const layers = to.layers.map((layer) => ({
    digest: layer.digest,
    size: layer.size,
    isNew: !(known.has(layer.digest) || (layer.diffId !== null && known.has(layer.diffId))),
    createdBy: layer.createdBy,
  }));
  const fresh = layers.filter((layer) => layer.isNew);
  return {
    from,
    to,
    layers,
    newLayers: fresh.length,
    totalLayers: layers.length,
    newBytes: fresh.reduce((sum, layer) => sum + layer.size, 0),
    totalBytes: layers.reduce((sum, layer) => sum + layer.size, 0),
    allLayersNew: layers.length > 0 && fresh.length === layers.length,
    flat: layers.length === 1,
    sizesAreDownloads: to.source === 'registry',
  };
}
