import { describe, expect, it } from 'vitest';
import { base64Bytes, readPpm } from '../../src/renderer/components/bootTest/ppmImage';
import { bootTestState } from '../../src/shared/jobs';

const ppm = (header: string, pixels: number[]) =>
  new Uint8Array([...new TextEncoder().encode(header), ...pixels]);

describe("a boot test's screendump", () => {
  it('reads QEMU’s P6 PPM into RGBA pixels, comments and all', () => {
    const picture = readPpm(ppm('P6\n# qemu\n2 1\n255\n', [255, 0, 0, 0, 0, 255]));
    expect(picture).toMatchObject({ width: 2, height: 1 });
    expect([...(picture?.rgba ?? [])]).toEqual([255, 0, 0, 255, 0, 0, 255, 255]);
  });

  it('refuses what is no 8-bit P6 PPM, or too short for its size', () => {
    expect(readPpm(ppm('P3\n1 1\n255\n', [1, 2, 3]))).toBeNull();
    expect(readPpm(ppm('P6\n1 1\n65535\n', [1, 2, 3, 4, 5, 6]))).toBeNull();
    expect(readPpm(ppm('P6\n2 2\n255\n', [1, 2, 3]))).toBeNull();
  });

  it('comes as base64 over the bridge', () => {
    expect([...base64Bytes(btoa('P6'))]).toEqual([0x50, 0x36]);
  });
});

describe("a boot test job's state", () => {
  it('is succeeded only when it booted, cancelled when cancelled, else failed', () => {
    expect(bootTestState({ outcome: 'booted' })).toBe('succeeded');
    expect(bootTestState({ outcome: 'cancelled' })).toBe('cancelled');
    expect(bootTestState({ outcome: 'kernelPanic' })).toBe('failed');
    expect(bootTestState(null)).toBe('failed');
  });
});
