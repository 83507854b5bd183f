import { z } from 'zod';
import { classifyPassword } from '../blueprint/passwordKind';
import { looksLikePrivateKey } from '../blueprint/privateKeyText';
import { ImageTypeSchema, RootFsSchema, TargetArchSchema } from '../diskImages/imageTypes';
import { WizardStepSchema } from '../wizardSteps';

/** A draft is small; anything near this is not a form someone typed. */
export const MAX_DRAFT_BYTES = 1024 * 1024;

/**
 * Where a draft would carry a secret: a password field whose value is not a crypt hash (or ''
 * for a locked account), or a private SSH key anywhere. Walks the whole value, so it holds
 * whatever fields the forms grow.
 */
export function secretsIn(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return looksLikePrivateKey(value) ? [path || '(draft)'] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => secretsIn(item, `${path}[${index}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const at = path ? `${path}.${key}` : key;
    if (/password/i.test(key) && typeof item === 'string') {
      const kind = classifyPassword(item).kind;
      if (kind !== 'hashed' && kind !== 'locked') return [at];
    }
    return secretsIn(item, at);
  });
}

/**
 * Work in progress, kept across restarts of the app: where the person was and what the forms
 * held. Passwords only as their crypt hashes (the typed text never leaves its field), and no
 * drive selection: drives change while the app is closed, and a stale choice must never be
 * flashed.
 */
export const DraftSchema = z
  .object({
    step: WizardStepSchema,
    image: z.object({ reference: z.string().max(1024) }).strict(),
    /** The Blueprint step's form, as typed (the renderer's BlueprintDraft). */
    blueprint: z.record(z.string(), z.unknown()),
    build: z
      .object({
        type: ImageTypeSchema,
        targetArch: TargetArchSchema.nullable(),
        rootfs: RootFsSchema.nullable(),
        /** The "updates from" field as typed (checked when the build starts). */
        updatesFrom: z.string().max(1024),
      })
      .partial()
      .strict(),
    /** The disk image chosen for flashing, by path. */
    flashImage: z.string().max(4096).nullable(),
  })
  .strict()
  .superRefine((draft, context) => {
    for (const at of secretsIn(draft)) {
      context.addIssue({
        code: 'custom',
        path: at.split('.'),
        message: `The draft holds a secret at ${at}: only password hashes may be kept, and no private key.`,
      });
    }
  });
export type Draft = z.infer<typeof DraftSchema>;
