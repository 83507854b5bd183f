import { z } from 'zod';
import { UpdatesFromSchema } from '../updates/updateSource';
import { BlueprintSchema } from './blueprintSchema';

/**
 * A profile name is also its file name, so it may not reach outside the profiles folder: no
 * path separators, no "..", no leading dot, no control characters, no edge spaces.
 */
export const ProfileNameSchema = z
  .string()
  .min(1, 'A profile needs a name.')
  .max(100, 'A profile name can be at most 100 characters long.')
  .refine((name) => !/[/\\]/.test(name), 'A profile name cannot contain "/" or "\\".')
  .refine((name) => !name.includes('..'), 'A profile name cannot contain "..".')
  .refine((name) => !name.startsWith('.'), 'A profile name cannot start with ".".')
  .refine((name) => !/\p{Cc}/u.test(name), 'A profile name cannot contain control characters.')
  .refine((name) => name.trim() === name, 'A profile name cannot start or end with a space.');

export const ProfileSummarySchema = z.object({
  name: ProfileNameSchema,
  /** ISO 8601 time of the last save. */
  updatedAt: z.string(),
});
export type ProfileSummary = z.infer<typeof ProfileSummarySchema>;

/**
 * A saved blueprint; its passwords are always crypt hashes, never plain text. With it, the
 * registry reference machines made from it update from (the Build step's "updates from"): the
 * same machines get the same blueprint and follow the same reference.
 */
export const ProfileSchema = ProfileSummarySchema.extend({
  blueprint: BlueprintSchema,
  updatesFrom: UpdatesFromSchema.optional(),
});
export type Profile = z.infer<typeof ProfileSchema>;
