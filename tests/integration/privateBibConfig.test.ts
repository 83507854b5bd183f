import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { writePrivateBibConfig } from '../../src/helper/diskImages/bibConfigFile';
import { ROOT_STATE_DIR } from '../../src/helper/safety/privateJobFolder';

/** The config file root writes for one bib run, in root's own state folder (needs root, so here). */
const HASH =
  '$6$saltsaltsaltsalt$Ld8K5yP9n7qHf2t1cQ0rZ9hUj1vX4mB5wE2aT6gN3kL8sD0fR7yC1pO9iU4eQ2wZ5xV3bN8mA6sD1fG0hJ7kL.';
const CONFIGS = join(ROOT_STATE_DIR, 'configs');
const ours = async () =>
  (await readdir(CONFIGS).catch(() => [] as string[])).filter((name) => name.startsWith(`${process.pid}-`));

describe('the private config file root writes for bib', () => {
  it('holds exactly the blueprint as TOML, in a folder only root can reach, and is gone when disposed', async () => {
    const config = { customizations: { user: [{ name: 'ada', password: HASH, groups: ['wheel'] }] } };
    const file = await writePrivateBibConfig('config-test', config);
    expect(parse(await readFile(file.path, 'utf8'))).toEqual(config);
    expect((await stat(file.path)).mode & 0o777).toBe(0o600);
    expect((await stat(dirname(file.path))).mode & 0o777).toBe(0o700);
    const state = await stat(ROOT_STATE_DIR);
    expect([state.uid, state.mode & 0o077]).toEqual([0, 0]);
    await file.dispose();
    await expect(stat(dirname(file.path))).rejects.toThrow(/ENOENT/);
  });

  it('writes nothing for a plain password', async () => {
    const before = await ours();
    const config = { customizations: { user: [{ name: 'ada', password: 'hunter2' }] } };
    await expect(writePrivateBibConfig('config-test', config)).rejects.toThrow(/refusing to write it/);
    expect(await ours()).toEqual(before);
  });
});
