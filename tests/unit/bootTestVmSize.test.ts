import { describe, expect, it } from 'vitest';
import { memoryKeptMiB, vmSizeLimits } from '../../src/shared/bootTestVmSize';

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
    expect(memoryKeptMiB(memoryMiB)).toBe(Math.min(1024, Math.floor(memoryMiB / 4)));
  });

  it('a figure the computer did not report limits nothing beyond the maximum', () => {
    expect(vmSizeLimits({ memoryMiB: 0, cpus: 0 })).toEqual({ memoryMiB: 16_384, cpus: 8 });
  });
});
