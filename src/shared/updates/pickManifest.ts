/** The media types of a manifest list / image index (Docker's and OCI's). */
const INDEX_TYPES = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
]);

export interface RawManifest {
  mediaType?: string;
  manifests?: Array<{ digest: string; platform?: { architecture?: string; os?: string; variant?: string } }>;
  config?: { digest: string; size: number };
  layers?: Array<{ digest: string; size: number; mediaType?: string }>;
}

export function isIndex(manifest: RawManifest): boolean {
  return (
    (manifest.mediaType !== undefined && INDEX_TYPES.has(manifest.mediaType)) ||
    (manifest.mediaType === undefined && Array.isArray(manifest.manifests))
  );
}

/**
 * The digest of the linux image for `architecture` in an index (hosts of each architecture pull
 * their own manifest), or null when the index has none for it.
 */
export function manifestForArchitecture(index: RawManifest, architecture: string): string | null {
  const entry = (index.manifests ?? []).find(
    (item) => item.platform?.architecture === architecture && (item.platform?.os ?? 'linux') === 'linux',
  );
  return entry?.digest ?? null;
}
