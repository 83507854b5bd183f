import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { verify } from 'unixcrypt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProfileStore } from '../../../src/core/blueprint/profileStore';
import type { Blueprint } from '../../../src/shared/blueprint/blueprintSchema';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'bootstick-profiles-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const PASSWORD = 'plain-text-never-on-disk';
const lab: Blueprint = {
  customizations: {
    user: [
      { name: 'alice', password: PASSWORD, groups: ['wheel'] },
      { name: 'bob', password: '' },
    ],
    kernel: { append: 'quiet' },
  },
};

async function everyFileUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('the profile store', () => {
  it('saves with every password hashed: no plain text anywhere on disk', async () => {
    const store = openProfileStore(dataDir);
    const saved = await store.save('Lab PCs', lab, new Date('2026-05-01T10:00:00Z'));
    expect(saved).toMatchObject({ name: 'Lab PCs', updatedAt: '2026-05-01T10:00:00.000Z' });
    const alice = saved.blueprint.customizations?.user?.[0];
    expect(verify(PASSWORD, alice?.password ?? '')).toBe(true);
    expect(saved.blueprint.customizations?.user?.[1]?.password).toBe('');
    for (const file of await everyFileUnder(dataDir))
      expect(await readFile(file, 'utf8')).not.toContain(PASSWORD);
    expect(lab.customizations?.user?.[0]?.password).toBe(PASSWORD);
  });

  it('keeps the reference machines made from it update from, also across a rename', async () => {
    const store = openProfileStore(dataDir);
    await store.save('tracked', lab, new Date(), { updatesFrom: 'registry.example.com/org/os:stable' });
    expect((await store.get('tracked'))?.updatesFrom).toBe('registry.example.com/org/os:stable');
    expect((await store.rename('tracked', 'renamed')).updatesFrom).toBe('registry.example.com/org/os:stable');
    await expect(store.save('bad', lab, new Date(), { updatesFrom: 'localhost/os:1' })).rejects.toThrow(
      'An “updates from” reference is a registry reference with a tag',
    );
    expect((await store.save('plain', lab)).updatesFrom).toBeUndefined();
  });

  it('keeps the folder private (0700) and each profile private (0600)', async () => {
    const store = openProfileStore(dataDir);
    await store.save('one', lab);
    const files = await everyFileUnder(dataDir);
    expect(files).toHaveLength(1);
    expect((await stat(join(dataDir, 'profiles'))).mode & 0o777).toBe(0o700);
    expect((await stat(files[0] as string)).mode & 0o777).toBe(0o600);
  });

  it('lists by name, gets, renames and deletes', async () => {
    const store = openProfileStore(dataDir);
    await store.save('zeta', {});
    await store.save('alpha', lab);
    expect((await store.list()).map((profile) => profile.name)).toEqual(['alpha', 'zeta']);
    expect((await store.get('alpha'))?.blueprint.customizations?.kernel).toEqual({ append: 'quiet' });
    expect(await store.get('missing')).toBeNull();

    await store.rename('alpha', 'beta');
    expect((await store.list()).map((profile) => profile.name)).toEqual(['beta', 'zeta']);
    expect((await store.get('beta'))?.name).toBe('beta');
    await expect(store.rename('beta', 'zeta')).rejects.toThrow('A profile named "zeta" already exists.');
    await expect(store.rename('nope', 'x')).rejects.toThrow('There is no profile named "nope".');

    expect(await store.delete('beta')).toBe(true);
    expect(await store.delete('beta')).toBe(false);
    expect((await store.list()).map((profile) => profile.name)).toEqual(['zeta']);
  });

  it('re-saving keeps an existing hash as it is (no double hashing)', async () => {
    const store = openProfileStore(dataDir);
    const first = await store.save('p', lab);
    const again = await store.save('p', first.blueprint);
    expect(again.blueprint.customizations?.user?.[0]?.password).toBe(
      first.blueprint.customizations?.user?.[0]?.password,
    );
  });

  it('refuses names that could reach outside the folder', async () => {
    const store = openProfileStore(dataDir);
    for (const name of [
      '../escape',
      'a/b',
      'a\\b',
      '..',
      '.hidden',
      '',
      ' padded',
      'line\nbreak',
      'x'.repeat(101),
    ]) {
      await expect(store.save(name, {}), JSON.stringify(name)).rejects.toMatchObject({
        code: 'invalidInput',
      });
      await expect(store.get(name)).rejects.toMatchObject({ code: 'invalidInput' });
    }
    expect(await everyFileUnder(dataDir)).toEqual([]);
  });

  it('refuses a private key and an unrecognised hash, writing nothing', async () => {
    const store = openProfileStore(dataDir);
    const privateKey =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----';
    await expect(
      store.save('k', { customizations: { user: [{ name: 'a', key: privateKey }] } }),
    ).rejects.toThrow(/PRIVATE SSH key/);
    await expect(
      store.save('y', { customizations: { user: [{ name: 'a', password: '$y$j9T$x$y' }] } }),
    ).rejects.toThrow(/yescrypt/);
    expect(await everyFileUnder(dataDir)).toEqual([]);
  });

  it('skips (and never serves) a damaged file or one holding a plain password', async () => {
    const store = openProfileStore(dataDir);
    await store.save('good', {});
    const dir = join(dataDir, 'profiles');
    await writeFile(join(dir, 'broken.profile.json'), '{ not json');
    const planted = {
      name: 'planted',
      updatedAt: 'x',
      blueprint: { customizations: { user: [{ name: 'a', password: 'plain' }] } },
    };
    await writeFile(join(dir, 'planted.profile.json'), JSON.stringify(planted));
    expect((await store.list()).map((profile) => profile.name)).toEqual(['good']);
    expect(await store.get('planted')).toBeNull();
    expect(await readdir(dir)).toHaveLength(3);
  });

  it('exports a profile as plain bib TOML, and refuses one bib would refuse', async () => {
    const store = openProfileStore(dataDir);
    await store.save('lab', lab);
    const toml = await store.exportToml('lab', { imageType: 'raw' });
    const written = parseToml(toml) as Blueprint;
    expect(written.customizations?.kernel).toEqual({ append: 'quiet' });
    expect(written.customizations?.user?.[0]?.password).toMatch(/^\$6\$/);
    await store.save('iso', { customizations: { iso: { volume_id: 'HAS SPACE' } } });
    await expect(store.exportToml('iso', { imageType: 'anaconda-iso' })).rejects.toMatchObject({
      code: 'refused',
    });
  });
});
