import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { alignedBuffer } from '../../src/helper/verify/alignedBuffer';
import { createLoopDevices } from '../support/loopDevices';
import { MiB } from '../support/units';

const loops = createLoopDevices();

afterAll(() => loops.cleanup());

describe('alignedBuffer, memory for O_DIRECT reads', () => {
  it('reads a block device through O_DIRECT, where an ordinary Buffer is refused', async () => {
    const loop = await loops.attach(4 * MiB);
    const device = await open(loop.path, constants.O_RDONLY | constants.O_DIRECT);
    try {
      const { bytesRead } = await device.read(alignedBuffer(MiB), 0, MiB, 0);
      expect(bytesRead).toBe(MiB);
      // Node's own Buffers are not page-aligned: the kernel refuses them for O_DIRECT.
      await expect(device.read(Buffer.alloc(MiB + 1).subarray(1), 0, MiB, 0)).rejects.toMatchObject({
        code: 'EINVAL',
      });
    } finally {
      await device.close();
    }
  });

  it('refuses sizes and alignments that make no sense', () => {
    expect(() => alignedBuffer(0)).toThrow(RangeError);
    expect(() => alignedBuffer(2 * 1024 * MiB)).toThrow(RangeError);
  });
});
