import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HelperClient, startHelper } from '../../src/core/privileged/helperClient';
import { helperCommand } from '../../src/core/privileged/helperCommand';
import type { JobResult } from '../../src/shared/flash';
import { BUILT, ROOT } from '../support/builtApp';
import { classifyAddon, dynamicSymbols } from '../support/elfSymbols';
import { createLoopDevices, run } from '../support/loopDevices';
import { writePatternFile } from '../support/patternFile';
import { compressImage } from '../support/testImages';
import { MiB } from '../support/units';

/**
 * The packaged app runs the helper as `ELECTRON_RUN_AS_NODE=1 <app> helper.js`: Electron's Node
 * with Electron's ABI. Only Node-API addons load in both, so every addon the helper maps into
 * its memory must be N-API — and mountutils (NAN, pulled in by etcher-sdk) must never load.
 */

const loops = createLoopDevices();
let helper: HelperClient;

/** The `.node` files mapped into a process right now. */
async function loadedAddons(pid: number): Promise<string[]> {
  const maps = await readFile(`/proc/${pid}/maps`, 'utf8');
  const paths = maps
    .split('\n')
    .map((line) => line.split(/\s+/).slice(5).join(' '))
    .filter((path) => path.endsWith('.node'));
  return [...new Set(paths)].sort();
}

beforeAll(async () => {
  // Exactly the app's command line for a root run, with Node standing in for the Electron binary.
  const command = helperCommand({
    uid: 0,
    execPath: process.execPath,
    helperPath: BUILT.helper,
    electron: true,
  });
  expect(command).toMatchObject({ command: process.execPath, args: [BUILT.helper] });
  expect(command.env.ELECTRON_RUN_AS_NODE).toBe('1');
  helper = await startHelper(command);
});

afterAll(async () => {
  await helper?.close();
  await loops.cleanup();
});

describe('the built helper loads only Node-API addons', () => {
  it('after hello, listDrives, a sparse flash and an .xz flash with verify: every mapped .node is N-API, none is mountutils', async () => {
    const pid = helper.pid ?? 0;
    expect(pid).toBeGreaterThan(0);
    expect(await helper.call({ method: 'listDrives', params: { includeVirtual: true } })).toBeInstanceOf(
      Array,
    );

    // A sparse raw image (data extents through the block-io addon) and an .xz one (lzma-native).
    const dir = await loops.tempDir();
    const sparse = join(dir, 'sparse.raw');
    await run('truncate', ['-s', String(32 * MiB), sparse]);
    await writeFile(sparse, Buffer.alloc(MiB, 7), { flag: 'r+' });
    const dense = join(dir, 'dense.img');
    await writePatternFile(dense, 8 * MiB);
    const xz = await compressImage(dense, 'xz');
    const target = await loops.attach(48 * MiB);
    for (const image of [sparse, xz]) {
      const result = (await helper.call({
        method: 'flash',
        params: {
          jobId: `native-${image.endsWith('.xz') ? 'xz' : 'sparse'}`,
          image,
          drives: [target.path],
          options: { verify: true, full: false, includeVirtual: true, eject: false },
        },
      })) as JobResult;
      expect(result.drives.map((drive) => drive.status)).toEqual(['verified']);
    }

    const addons = await loadedAddons(pid);
    process.stdout.write(
      `helper (pid ${pid}) has mapped:\n${addons.map((path) => `  ${path}`).join('\n')}\n`,
    );
    // What the helper needs at least: drive listing, the block-io addon, xz decompression.
    expect(addons).toEqual(
      expect.arrayContaining([
        join(ROOT, 'node_modules/drivelist/build/Release/drivelist.node'),
        join(ROOT, 'native/block-io/build/Release/block_io.node'),
        expect.stringMatching(/\/node_modules\/lzma-native\/.*\.node$/),
      ]),
    );
    expect(addons.filter((path) => path.includes('mountutils'))).toEqual([]);
    for (const path of addons) {
      const kind = classifyAddon(dynamicSymbols(path));
      expect({ path, ...kind }).toEqual({ path, napi: true, abiSpecific: false, abiSymbols: [] });
    }
  });
});
