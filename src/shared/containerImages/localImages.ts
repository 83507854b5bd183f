import { z } from 'zod';

/** One image in root's podman storage (where bib looks), as the Image step offers it. */
export const LocalImageSchema = z.object({
  /** Full image id (sha256 hex). */
  id: z.string(),
  /** Its names (`localhost/my-os:1`, `quay.io/…:tag`); never empty, unnamed images are left out. */
  names: z.array(z.string()).min(1),
  size: z.number().nonnegative(),
  /** When it was built, ISO 8601. */
  created: z.string(),
  /** Labelled as a bootc image (`containers.bootc=1` or `ostree.bootable`): bib can build from it. */
  bootc: z.boolean(),
});
export type LocalImage = z.infer<typeof LocalImageSchema>;

/** The listing, or in plain words why there is none (podman missing or failing). */
export const LocalImagesSchema = z.object({
  available: z.boolean(),
  problem: z.string().nullable(),
  images: z.array(LocalImageSchema),
});
export type LocalImages = z.infer<typeof LocalImagesSchema>;

/** bootc's own label, or the older ostree one that bib also accepts. */
export function isBootcImage(labels: Record<string, string> | null | undefined): boolean {
  if (!labels) return false;
  const ostree = labels['ostree.bootable'];
  return labels['containers.bootc'] === '1' || (ostree !== undefined && !['', '0', 'false'].includes(ostree));
}
