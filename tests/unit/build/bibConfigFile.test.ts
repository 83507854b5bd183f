import { readdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { parse } from 'smol-toml';
import { beforeEach, describe, expect, it } from 'vitest';
import { assertNoPlainPasswords, writePrivateBibConfig } from '../../../src/helper/build/bibConfigFile';

const HASH =
  '$6$saltsaltsaltsalt$Ld8K5yP9n7qHf2t1cQ0rZ9hUj1vX4mB5wE2aT6gN3kL8sD0fR7yC1pO9iU4eQ2wZ5xV3bN8mA6sD1fG0hJ7kL.';

describe('the private config file root writes for bib', () => {
  it('holds exactly the blueprint as TOML, readable by its owner only, and is gone when disposed', async () => {
    const config = { customizations: { user: [{ name: 'ada', password: HASH, groups: ['wheel'] }] } };
    const file = await writePrivateBibConfig(config);
    expect(parse(await readFile(file.path, 'utf8'))).toEqual(config);
    expect((await stat(file.path)).mode & 0o777).toBe(0o600);
    expect((await stat(dirname(file.path))).mode & 0o777).toBe(0o700);
    await file.dispose();
    await expect(stat(dirname(file.path))).rejects.toThrow(/ENOENT/);
  });

  let before: string[] = [];
  beforeEach(() => {
    before = readdirSync(tmpdir()).filter((name) => name.startsWith('bootstick-bibconfig-'));
  });

  it.each([
    ['a plain password', 'hunter2'],
    ['a yescrypt hash osbuild would hash again', '$y$j9T$abc$def'],
    ['an MD5 crypt hash', '$1$abc$def'],
  ])('refuses %s and writes nothing', async (_name, password) => {
    const config = { customizations: { user: [{ name: 'ada', password }] } };
    expect(() => assertNoPlainPasswords(config)).toThrow(/not a SHA-512 crypt hash/);
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith('bootstick-bibconfig-'))).toEqual(before);
    await expect(writePrivateBibConfig(config)).rejects.toThrow(/refusing to write it/);
  });

  it('never repeats the password in its refusal', () => {
    const config = { customizations: { user: [{ name: 'ada', password: 'correct horse battery' }] } };
    expect(() => assertNoPlainPasswords(config)).toThrow(
      expect.not.objectContaining({ message: expect.stringContaining('horse') }),
    );
  });

  it('accepts the hashes osbuild keeps and a locked (empty) password', () => {
    for (const password of [HASH, '$5$salt$hash', '$2b$10$abcdefghijklmnopqrstuv', '']) {
      expect(() =>
        assertNoPlainPasswords({ customizations: { user: [{ name: 'a', password }] } }),
      ).not.toThrow();
    }
    expect(() => assertNoPlainPasswords({})).not.toThrow();
  });
});
