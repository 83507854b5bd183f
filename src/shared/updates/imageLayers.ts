import { z } from 'zod';

/**
 * One image as an update is measured against it: its manifest's layers in order, each with the
 * uncompressed digest the config lists for it (rootfs.diff_ids) and the history instruction that
 * made it. Read from root's containers-storage or from a registry (a multi-architecture index
 * already resolved to one architecture).
 */
export const ImageLayerSchema = z.object({
  /** The digest in the manifest: what bootc compares (compressed in a registry, the tar locally). */
  digest: z.string(),
  /** The uncompressed tar's digest (config rootfs.diff_ids): equal before and after a push. */
  diffId: z.string().nullable(),
  /** Bytes as the manifest gives them (what a host downloads, when read from a registry). */
  size: z.number().int().nonnegative(),
  /** The Containerfile instruction that made the layer (history created_by), when recorded. */
  createdBy: z.string().nullable(),
});
export type ImageLayer = z.infer<typeof ImageLayerSchema>;

export const ImageSourceSchema = z.enum(['local', 'registry']);
export type ImageSource = z.infer<typeof ImageSourceSchema>;

export const ImageLayersSchema = z.object({
  ref: z.string(),
  source: ImageSourceSchema,
  /** The manifest's own digest (sha256 of its bytes); for a registry image, what a host boots. */
  manifestDigest: z.string(),
  architecture: z.string().nullable(),
  layers: z.array(ImageLayerSchema),
});
export type ImageLayers = z.infer<typeof ImageLayersSchema>;
