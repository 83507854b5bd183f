import { describe, expect, it } from 'vitest';
import { devToMajMin } from '../../src/core/drives/blockTopology';
import { parseMountinfo, parseSwaps } from '../../src/core/drives/mountTable';

const MOUNTINFO = [
  '22 27 0:21 / /proc rw,relatime - proc proc rw',
  '27 1 259:2 / / rw,relatime shared:1 - xfs /dev/mapper/fedora-root rw,seclabel',
  '31 27 259:1 / /boot rw,relatime shared:5 - ext4 /dev/nvme0n1p2 rw',
  '90 27 8:17 / /media/alex/My\\040Stick rw,nosuid,nodev - vfat /dev/sdb1 rw,uid=1000',
  '',
].join('\n');

describe('parseMountinfo', () => {
  it('reads device numbers and mountpoints, optional fields included', () => {
    expect(parseMountinfo(MOUNTINFO)).toEqual([
      { majMin: '0:21', mountpoint: '/proc', source: 'proc' },
      { majMin: '259:2', mountpoint: '/', source: '/dev/mapper/fedora-root' },
      { majMin: '259:1', mountpoint: '/boot', source: '/dev/nvme0n1p2' },
      { majMin: '8:17', mountpoint: '/media/alex/My Stick', source: '/dev/sdb1' },
    ]);
  });

  it('skips lines it cannot read instead of guessing', () => {
    expect(parseMountinfo('garbage\n1 2 3\n')).toEqual([]);
  });
});

describe('parseSwaps', () => {
  it('lists swap devices and files, not the header', () => {
    const text =
      'Filename\tType\tSize\tUsed\tPriority\n/dev/dm-1  partition\t8388604\t0\t-2\n/swap\\040file file 1 0 -3\n';
    expect(parseSwaps(text)).toEqual(['/dev/dm-1', '/swap file']);
  });
});

describe('devToMajMin', () => {
  it('decodes small and large device numbers the way glibc encodes them', () => {
    expect(devToMajMin(0x0801n)).toBe('8:1');
    expect(devToMajMin(0xfe00n)).toBe('254:0');
    // major 259 (blkext), minor 300: minor bits spill above bit 20
    const dev = (259n << 8n) | (300n & 0xffn) | ((300n & ~0xffn) << 12n);
    expect(devToMajMin(dev)).toBe('259:300');
  });
});
