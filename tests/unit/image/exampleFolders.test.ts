import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyExample, listExamples } from '../../../src/core/examples/exampleFolders';

const EXAMPLES = join(import.meta.dirname, '../../../resources/examples');
let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'bootstick-examples-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('the shipped examples', () => {
  it('lists tailscale with a localhost/ tag and its build arguments', async () => {
    const examples = await listExamples(EXAMPLES);
    expect(examples.map((example) => example.id)).toContain('tailscale');
    const tailscale = examples.find((example) => example.id === 'tailscale');
    expect(tailscale?.tag).toBe('localhost/tailscale-bootc:latest');
    expect(tailscale?.buildArgs[0]).toEqual({
      name: 'BASE_IMAGE',
      value: 'quay.io/centos-bootc/centos-bootc:stream9',
    });
  });

  it('copies an example into the data folder once, keeping the copy the person edited', async () => {
    const copy = await copyExample(EXAMPLES, dataDir, 'tailscale');
    expect(copy.contextDir).toBe(join(dataDir, 'examples/tailscale'));
    expect(await readFile(copy.containerfile, 'utf8')).toBe(
      await readFile(join(EXAMPLES, 'tailscale/Containerfile'), 'utf8'),
    );
    await writeFile(copy.containerfile, 'ARG MINE=1\nFROM scratch\n');
    const again = await copyExample(EXAMPLES, dataDir, 'tailscale');
    expect(await readFile(again.containerfile, 'utf8')).toBe('ARG MINE=1\nFROM scratch\n');
    expect(again.buildArgs).toEqual([{ name: 'MINE', value: '1' }]);
  });

  it('refuses a name that is not one of the examples, copying nothing', async () => {
    await expect(copyExample(EXAMPLES, dataDir, '../../etc')).rejects.toThrow(/no example/);
    await expect(listExamples(join(dataDir, 'missing'))).resolves.toEqual([]);
  });
});
