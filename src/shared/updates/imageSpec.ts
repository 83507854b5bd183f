import { ImageRefSchema } from '../diskImages/bibRun';

/** Where an image named on the command line or in the form is read from. */
export type ImageSpec =
  | { where: 'local'; ref: string }
  | { where: 'registry'; ref: string }
  /** Neither said: root's storage when it holds the name, otherwise the registry. */
  | { where: 'either'; ref: string };

/**
 * `containers-storage:NAME` and `docker://NAME` say where, as skopeo and podman spell it; a bare
 * name is looked up in root's storage first. null: not an image reference at all.
 */
export function parseImageSpec(text: string): ImageSpec | null {
  const trimmed = text.trim();
  const prefixed: Array<[string, ImageSpec['where']]> = [
    ['containers-storage:', 'local'],
    ['docker://', 'registry'],
  ];
  for (const [prefix, where] of prefixed) {
    if (trimmed.startsWith(prefix)) {
      const ref = trimmed.slice(prefix.length);
      return ImageRefSchema.safeParse(ref).success ? { where, ref } : null;
    }
  }
  return ImageRefSchema.safeParse(trimmed).success ? { where: 'either', ref: trimmed } : null;
}

/** `registry/repo` of `registry/repo:tag@digest` (the name a digest is looked up under). */
export function repositoryOf(ref: string): string {
  const withoutDigest = ref.split('@')[0] ?? ref;
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
}

/** The tag of a reference, or null (a digest, an id, or a name with neither). */
export function tagOf(ref: string): string | null {
  const withoutDigest = ref.split('@')[0] ?? ref;
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > slash ? withoutDigest.slice(colon + 1) : null;
}

/** The architecture names OCI indexes use, from Node's process.arch. */
export function ociArchitecture(nodeArch: string): string {
  return (
    (
      { x64: 'amd64', arm64: 'arm64', arm: 'arm', ppc64: 'ppc64le', s390x: 's390x' } as Record<string, string>
    )[nodeArch] ?? nodeArch
  );
}
