import { z } from 'zod';
import { ImageRefSchema } from '../diskImages/bibRun';

/**
 * Whether an installed system given `ref` as its image (bib passes the source image's name on as
 * the install's target reference, with no option to change it) could ever `bootc upgrade` from it:
 * a registry other than localhost, a tag to follow, no digest pin, not an image id. `localhost/…`
 * makes bootc ask https://localhost/v2/, a digest never moves, an id names nothing in a registry.
 */
export function isTrackableReference(ref: string): boolean {
  if (!ImageRefSchema.safeParse(ref).success) return false;
  if (/^[a-f0-9]{12,64}$/.test(ref) || ref.includes('@')) return false;
  const slash = ref.indexOf('/');
  if (slash < 0) return false;
  const registry = ref.slice(0, slash);
  if (!/[.:]/.test(registry)) return false;
  if (/^localhost(:\d+)?$/.test(registry)) return false;
  const rest = ref.slice(slash + 1);
  return /:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(rest);
}

/** The "updates from" reference as the build and the helper take it. */
export const UpdatesFromSchema = ImageRefSchema.refine(
  isTrackableReference,
  'An “updates from” reference is a registry reference with a tag, for example registry.example.com/org/os:stable.',
);
export const TagForUpdatesRequestSchema = z
  .object({ image: ImageRefSchema, ref: UpdatesFromSchema })
  .strict();
