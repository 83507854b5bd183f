import { describe, expect, it } from 'vitest';
import { lentVmSize, memoryKeptMiB, vmSizeLimits } from '../../src/shared/bootTestVmSize';

describe("what a computer can lend a boot test's VM", () => {
  it.each([
    // [memory MiB, CPUs] → [lendable MiB, CPUs]
    [24_576, 2, 16_384, 2], // a big host: the VM's own maximum
    [16_384, 4, 15_360, 4], // 1 GiB kept
    [4096, 16, 3072, 8], // 1 GiB kept; CPUs up to the VM's maximum
    [2048, 1, 1536, 1], // a quarter kept
    [1000, 1, 750, 1],
  ])('%i MiB and %i CPUs lend %i MiB and %i CPUs', (memoryMiB, cpus, lendMiB, lendCpus) => {
    expect(vmSizeLimits({ memoryMiB, cpus })).toEqual({ memoryMiB: lendMiB, cpus: lendCpus });
  });

  it('keeps a quarter of a small computer, 1 GiB of a big one', () => {
    expect([1000, 2048, 4096, 4100, 24_576].map(memoryKeptMiB)).toEqual([250, 512, 1024, 1024, 1024]);
  });

  it('lends a VM what was asked, or what the computer can lend if that is less (a setting from a bigger one)', () => {
    const small = { memoryMiB: 2048, cpus: 1 };
    expect(lentVmSize({ memoryMiB: 2048, cpus: 2 }, small)).toEqual({ memoryMiB: 1536, cpus: 1 });
    expect(lentVmSize({ memoryMiB: 512, cpus: 1 }, small)).toEqual({ memoryMiB: 512, cpus: 1 });
  });

  it('a figure the computer did not report limits nothing beyond the maximum', () => {
    expect(vmSizeLimits({ memoryMiB: 0, cpus: 0 })).toEqual({ memoryMiB: 16_384, cpus: 8 });
  });
});
