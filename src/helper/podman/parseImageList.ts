import { isBootcImage, type LocalImage } from '../../shared/containerImages/localImages';

/** The fields of `podman images --format json` this reads; podman prints many more. */
interface ListedImage {
  Id?: string;
  Names?: string[] | null;
  RepoTags?: string[] | null;
  Size?: number;
  Created?: number;
  Labels?: Record<string, string> | null;
}

/**
 * `podman images --format json` → the images a person can name. Unnamed (dangling) images and
 * `<none>` names are left out: nobody can type them into the Image step. podman prints an image
 * once per tag, each time with all its names: it is kept once. Newest first.
 */
export function parseImageList(json: string): LocalImage[] {
  const listed = JSON.parse(json.trim() || '[]') as ListedImage[];
  const unique = [...new Map(listed.map((image) => [image.Id, image])).values()];
  return unique
    .map((image) => {
      const names = [...new Set([...(image.Names ?? []), ...(image.RepoTags ?? [])])].filter(
        (name) => !name.includes('<none>'),
      );
      return {
        id: image.Id ?? '',
        names,
        size: Math.max(0, image.Size ?? 0),
        created: new Date((image.Created ?? 0) * 1000).toISOString(),
        bootc: isBootcImage(image.Labels),
      };
    })
    .filter((image) => image.id !== '' && image.names.length > 0)
    .sort((a, b) => b.created.localeCompare(a.created));
}
