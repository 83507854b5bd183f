import { readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Draft, DraftSchema, MAX_DRAFT_BYTES, secretsIn } from '../../shared/draft/draftSchema';
import { AppError } from '../../shared/errors';
import { writeFileAtomic } from './writeFileAtomic';

export interface DraftStore {
  /** The last saved draft, or null when there is none (or it could not be used). */
  load(): Promise<Draft | null>;
  save(draft: Draft): Promise<void>;
  clear(): Promise<void>;
}

/**
 * The wizard's work in progress in <data dir>/draft.json (0600). A file that does not parse is
 * moved aside, never overwritten unseen, like settings; one holding a secret is refused on save
 * and on load, so a hand-edited plain password does not travel back into the form either.
 */
export function openDraftStore(dataDir: string): DraftStore {
  const file = join(dataDir, 'draft.json');
  return {
    async load() {
      const text = await readFile(file, 'utf8').catch(() => null);
      if (text === null) return null;
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        // handled below, like any other invalid content
      }
      const parsed = DraftSchema.safeParse(json);
      if (parsed.success) return parsed.data;
      // A secret put there by hand is not kept anywhere, not even aside.
      if (secretsIn(json).length > 0) await rm(file, { force: true });
      else await rename(file, `${file}.invalid-${Date.now()}`).catch(() => {});
      return null;
    },
    async save(draft) {
      const parsed = DraftSchema.safeParse(draft);
      if (!parsed.success) {
        throw new AppError('invalidInput', parsed.error.issues[0]?.message ?? 'The draft is not valid.');
      }
      const text = `${JSON.stringify(parsed.data)}\n`;
      if (Buffer.byteLength(text) > MAX_DRAFT_BYTES) {
        throw new AppError('invalidInput', 'The draft is too large to keep.');
      }
      await writeFileAtomic(file, text);
    },
    async clear() {
      await rm(file, { force: true });
    },
  };
}
