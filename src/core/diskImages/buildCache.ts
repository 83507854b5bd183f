import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../store/writeFileAtomic';
import { canonicalJson } from './canonicalJson';

/** Everything that decides bib's output; two builds with equal inputs give equal images. */
export interface BuildCacheInputs {
  sourceDigest: string;
  /** The name bib was given: it becomes the installed system's update source (target-imgref). */
  sourceRef: string;
  bibDigest: string;
  /** sha256 of the config with passwords reduced to set/unset (see passwordShape.ts). */
  configShapeSha256: string;
  type: string;
  targetArch: string | null;
  rootfs: string | null;
}

export function buildCacheKey(inputs: BuildCacheInputs): string {
  return createHash('sha256').update(canonicalJson(inputs)).digest('hex');
}

const CacheEntrySchema = z.object({
  buildId: z.string(),
  artifact: z.string(),
  outputDir: z.string(),
  bytes: z.number(),
  mtimeMs: z.number(),
  /** The password hashes the build wrote, per user (see passwordShape.ts). */
  passwordHashes: z.record(z.string(), z.string()).default({}),
});
export type BuildCacheEntry = z.infer<typeof CacheEntrySchema>;
const CacheIndexSchema = z.record(z.string(), CacheEntrySchema);

/**
 * The index of earlier outputs by cache key, in the app data directory. An entry counts only
 * while its artifact is still on disk unchanged (same size and modification time): a file
 * someone deleted or edited is never handed out as a cache hit.
 */
export function openBuildCache(dataDir: string) {
  const file = join(dataDir, 'builds', 'cache.json');
  const read = async () => {
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) return {};
    const parsed = CacheIndexSchema.safeParse(
      (() => {
        try {
          return JSON.parse(text);
        } catch {
          return null;
        }
      })(),
    );
    return parsed.success ? parsed.data : {};
  };
  return {
    /** The earlier build for this key, if its output is intact and `accepts` its entry. */
    async lookup(
      key: string,
      accepts: (entry: BuildCacheEntry) => boolean = () => true,
    ): Promise<BuildCacheEntry | null> {
      const entry = (await read())[key];
      if (!entry || !accepts(entry)) return null;
      const stats = await stat(entry.artifact).catch(() => null);
      if (!stats?.isFile() || stats.size !== entry.bytes || stats.mtimeMs !== entry.mtimeMs) return null;
      return entry;
    },
    async remember(key: string, entry: Omit<BuildCacheEntry, 'bytes' | 'mtimeMs'>): Promise<void> {
      const stats = await stat(entry.artifact);
      const index = await read();
      index[key] = { ...entry, bytes: stats.size, mtimeMs: stats.mtimeMs };
      await writeFileAtomic(file, `${JSON.stringify(index, null, 2)}\n`);
    },
  };
}
