import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDraftStore } from '../../src/core/store/draftStore';
import type { Draft } from '../../src/shared/draft/draftSchema';

const HASH =
  '$6$abcdefghijklmnop$0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklm';

const draft = (blueprint: Record<string, unknown> = {}): Draft => ({
  step: 'blueprint',
  image: { reference: 'quay.io/centos-bootc/centos-bootc:stream10' },
  blueprint: {
    users: [{ name: 'alice', passwordHash: HASH, key: 'ssh-ed25519 AAAA alice@host', groups: 'wheel' }],
    kernelAppend: 'console=ttyS0',
    ...blueprint,
  },
  build: {
    type: 'raw',
    targetArch: 'amd64',
    rootfs: null,
    updatesFrom: 'registry.example.com/org/os:stable',
  },
  flashImage: null,
});

const dataDir = () => mkdtemp(join(tmpdir(), 'bootstick-draft-'));

describe('work in progress kept across restarts', () => {
  it('gives back exactly what was saved, in a file only its owner can read', async () => {
    const dir = await dataDir();
    await openDraftStore(dir).save(draft());
    expect(await openDraftStore(dir).load()).toEqual(draft());
    expect((await stat(join(dir, 'draft.json'))).mode & 0o777).toBe(0o600);
  });

  it('has nothing to give back on a first start', async () => {
    expect(await openDraftStore(await dataDir()).load()).toBeNull();
  });

  it.each([
    ['a plain password', { users: [{ name: 'alice', passwordHash: 'hunter2', key: '', groups: '' }] }],
    [
      'a hash osbuild would hash again',
      { users: [{ name: 'a', passwordHash: '$y$j9T$abc$def', key: '', groups: '' }] },
    ],
    [
      'a plain password kept from an import',
      { rest: { customizations: { user: [{ name: 'b', password: 'pw' }] } } },
    ],
    [
      'a private SSH key',
      {
        users: [
          { name: 'a', key: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEA\n', groups: '' },
        ],
      },
    ],
  ])('refuses to keep %s, and writes nothing', async (_, blueprint) => {
    const dir = await dataDir();
    await expect(openDraftStore(dir).save(draft(blueprint))).rejects.toThrow(/secret/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses fields it does not know, such as a drive selection', async () => {
    const dir = await dataDir();
    const withDrives = { ...draft(), drives: ['/dev/sdb'] } as unknown as Draft;
    await expect(openDraftStore(dir).save(withDrives)).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it('moves a damaged file aside instead of losing it unseen', async () => {
    const dir = await dataDir();
    await writeFile(join(dir, 'draft.json'), '{"step": "bluepr');
    expect(await openDraftStore(dir).load()).toBeNull();
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^draft\.json\.invalid-\d+$/);
    expect(await readFile(join(dir, files[0] ?? ''), 'utf8')).toBe('{"step": "bluepr');
  });

  it('deletes a file someone put a plain password in, rather than keep it anywhere', async () => {
    const dir = await dataDir();
    const tampered = draft({ users: [{ name: 'a', passwordHash: 'hunter2', key: '', groups: '' }] });
    await writeFile(join(dir, 'draft.json'), JSON.stringify(tampered));
    expect(await openDraftStore(dir).load()).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });
});
