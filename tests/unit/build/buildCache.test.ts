import { mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildCacheKey, openBuildCache } from '../../../src/core/diskImages/buildCache';

const inputs = {
  sourceDigest: 'sha256:aa',
  sourceRef: 'registry.example.com/os:stable',
  bibDigest: 'sha256:bb',
  configShapeSha256: 'cc',
  type: 'raw',
  targetArch: null,
  rootfs: 'xfs',
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bootstick-cache-'));
});

describe('the build cache', () => {
  it('keys on every input that decides the image, and nothing else', () => {
    const key = buildCacheKey(inputs);
    expect(buildCacheKey({ ...inputs })).toBe(key);
    for (const change of [
      { sourceDigest: 'sha256:ab' },
      // The same image under another name installs a system tracking that other name.
      { sourceRef: 'localhost/os:1' },
      { bibDigest: 'sha256:bc' },
      { configShapeSha256: 'cd' },
      { type: 'iso' },
      { targetArch: 'arm64' },
      { rootfs: 'ext4' },
    ]) {
      expect(buildCacheKey({ ...inputs, ...change })).not.toBe(key);
    }
  });

  it('hands out an earlier output only while that file is still there, unchanged', async () => {
    const cache = openBuildCache(dir);
    const artifact = join(dir, 'disk.raw');
    await writeFile(artifact, 'image bytes');
    await cache.remember('k1', { buildId: 'build-1', artifact, outputDir: dir, passwordHashes: {} });
    expect((await cache.lookup('k1'))?.buildId).toBe('build-1');
    expect(await cache.lookup('k2')).toBeNull();

    await utimes(artifact, new Date(), new Date(Date.now() + 5000));
    expect(await cache.lookup('k1')).toBeNull();
  });

  it('treats a damaged index as empty instead of failing builds', async () => {
    const cache = openBuildCache(dir);
    const artifact = join(dir, 'disk.raw');
    await writeFile(artifact, 'image bytes');
    await cache.remember('k1', { buildId: 'build-1', artifact, outputDir: dir, passwordHashes: {} });
    await writeFile(join(dir, 'builds', 'cache.json'), '{"k1": {"buildId": 7');
    expect(await cache.lookup('k1')).toBeNull();
    await cache.remember('k1', { buildId: 'build-2', artifact, outputDir: dir, passwordHashes: {} });
    expect((await cache.lookup('k1'))?.buildId).toBe('build-2');
  });
});
