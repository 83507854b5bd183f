import { z } from 'zod';
import { ProblemWordsSchema } from './problem';

/** One public key of a user's `key` field, as `ssh-keygen -l` would describe it. */
export const SshKeyInfoSchema = z.object({
  /** 1-based line of the key within the field (the field may hold several authorized_keys lines). */
  line: z.number().int().positive(),
  /** RSA, ED25519, ECDSA, DSA, ED25519-SK, ECDSA-SK. */
  type: z.string(),
  bits: z.number().int().positive().optional(),
  /** SHA256:… exactly as `ssh-keygen -l` prints it. */
  fingerprint: z.string(),
  /** The text after the key, usually user@host; '' when there is none. */
  comment: z.string(),
  /** Why this key may not work or is weak, in words; absent when it is fine. */
  weakness: z.string().optional(),
  /** The catalogue words of `weakness` (rules.sshKey…), to say it in the person's language. */
  weaknessWords: ProblemWordsSchema.optional(),
});
export type SshKeyInfo = z.infer<typeof SshKeyInfoSchema>;

export const SshKeyInspectionSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), keys: z.array(SshKeyInfoSchema) }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(['privateKey', 'notAPublicKey']),
    /** The offending line, when one line is to blame. */
    line: z.number().int().positive().optional(),
    message: z.string(),
    /** The catalogue words of `message`, to say it in the person's language. */
    words: ProblemWordsSchema.optional(),
  }),
]);
export type SshKeyInspection = z.infer<typeof SshKeyInspectionSchema>;
