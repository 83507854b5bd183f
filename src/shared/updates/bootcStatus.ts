import { ImageRefSchema } from '../diskImages/bibRun';
import { repositoryOf } from './imageSpec';

/** Why a pasted `bootc status --json` gives no image to compare with (each has its own words). */
export type BootcStatusProblem =
  | 'empty'
  | 'notJson'
  | 'notBootcStatus'
  | 'notBooted'
  | 'noDigest'
  | 'noImage';

export type BootedImage =
  | {
      ok: true;
      /** `<repository>@<digest>`: exactly the manifest the host booted, as `update diff` reads it. */
      from: string;
      /** The reference the host tracks (`bootc upgrade` follows it). */
      image: string;
      digest: string;
    }
  | { ok: false; problem: BootcStatusProblem };

const DIGEST = /^sha256:[a-f0-9]{64}$/;

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * What a host runs, from the `bootc status --json` a person pasted: the booted entry's
 * `image.imageDigest` in the repository of `image.image.image` (bootc's BootcHost, api v1).
 * The booted digest, not the staged or rollback one: that is what `bootc upgrade` diffs against.
 * A registry transport is read from the registry (`docker://`), since the host pulled it from there.
 */
export function bootedImageOf(text: string): BootedImage {
  if (text.trim() === '') return { ok: false, problem: 'empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'notJson' };
  }
  const status = field(parsed, 'status');
  if (field(parsed, 'kind') !== 'BootcHost' && status === undefined)
    return { ok: false, problem: 'notBootcStatus' };
  const booted = field(field(status, 'booted'), 'image');
  if (booted === undefined || booted === null) return { ok: false, problem: 'notBooted' };
  const digest = field(booted, 'imageDigest');
  if (typeof digest !== 'string' || !DIGEST.test(digest)) return { ok: false, problem: 'noDigest' };
  const reference = field(booted, 'image');
  const image = field(reference, 'image');
  if (typeof image !== 'string' || !ImageRefSchema.safeParse(image).success)
    return { ok: false, problem: 'noImage' };
  const transport = field(reference, 'transport');
  const pinned = `${repositoryOf(image)}@${digest}`;
  return {
    ok: true,
    from: transport === undefined || transport === 'registry' ? `docker://${pinned}` : pinned,
    image,
    digest,
  };
}
