import { afterAll, describe, expect, it } from 'vitest';
import { readDriveIdentity } from '../../src/core/drives/driveIdentity';
import { gatherDriveFacts } from '../../src/core/drives/gatherDriveFacts';
import { recheckIdentity } from '../../src/helper/safety/recheckIdentity';
import { createLoopDevices, run } from '../support/loopDevices';
import { MiB } from '../support/units';

const loops = createLoopDevices();

afterAll(() => loops.cleanup());

describe('the identity re-check right before writing', () => {
  it('passes for the same drive, and fails once the drive behind the name changed size', async () => {
    const loop = await loops.attach(32 * MiB);
    const facts = (await gatherDriveFacts({ includeVirtual: true })).find(
      (drive) => drive.path === loop.path,
    );
    if (!facts) throw new Error(`${loop.path} was not enumerated`);
    const identity = await readDriveIdentity(facts);
    await expect(recheckIdentity(identity)).resolves.toBeUndefined();
    // Another "stick" in the same port: same /dev name, other capacity.
    await run('truncate', ['-s', String(64 * MiB), loop.backingFile]);
    await run('losetup', ['-c', loop.path]);
    await expect(recheckIdentity(identity)).rejects.toThrow(/no longer the drive that was checked/);
  });

  it('fails when another file is behind the same loop device (serial changed)', async () => {
    const loop = await loops.attach(16 * MiB, { name: 'first.img' });
    const facts = (await gatherDriveFacts({ includeVirtual: true })).find(
      (drive) => drive.path === loop.path,
    );
    if (!facts) throw new Error(`${loop.path} was not enumerated`);
    const identity = await readDriveIdentity(facts);
    await loops.detach(loop.path);
    await loops.attach(16 * MiB, { name: 'second.img', device: loop.path });
    await expect(recheckIdentity(identity)).rejects.toThrow(/serial/);
  });
});
