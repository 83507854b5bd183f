import { describe, expect, it } from 'vitest';
import { installerPlan } from '../../src/core/bootTest/installerPlan';
import { IsoFormatError, type ReadAt, readIsoRoot } from '../../src/core/bootTest/iso9660';

const SECTOR = 2048;
const ROOT_SECTOR = 18;

interface FileSpec {
  name: string;
  text?: string;
  /** Rock Ridge NM name, as xorriso -R writes one. */
  rockRidge?: string;
  /** Overrides for the record's extent (sector) and length, to make it lie. */
  sector?: number;
  size?: number;
  directory?: boolean;
}

/** One directory record (ECMA-119 9.1), with an optional Rock Ridge NM entry after the name. */
function record(name: Buffer, sector: number, size: number, directory: boolean, rockRidge?: string): Buffer {
  const pad = (33 + name.length) % 2;
  const nm = rockRidge
    ? Buffer.concat([Buffer.from([0x4e, 0x4d, 5 + rockRidge.length, 1, 0]), Buffer.from(rockRidge)])
    : Buffer.alloc(0);
  const length = 33 + name.length + pad + nm.length + ((33 + name.length + pad + nm.length) % 2);
  const bytes = Buffer.alloc(length);
  bytes[0] = length;
  bytes.writeUInt32LE(sector, 2);
  bytes.writeUInt32BE(sector, 6);
  bytes.writeUInt32LE(size, 10);
  bytes.writeUInt32BE(size, 14);
  bytes[25] = directory ? 0x02 : 0;
  bytes[32] = name.length;
  name.copy(bytes, 33);
  nm.copy(bytes, 33 + name.length + pad);
  return bytes;
}

/**
 * A minimal ISO in memory: primary descriptor at 16, terminator at 17, root folder at 18, then
 * each file's data in a sector of its own. `tweak` changes the bytes afterwards (damage).
 */
function makeIso(files: FileSpec[], tweak?: (iso: Buffer) => void): Buffer {
  const sectors = ROOT_SECTOR + 1 + files.length;
  const iso = Buffer.alloc(sectors * SECTOR);
  const pvd = iso.subarray(16 * SECTOR, 17 * SECTOR);
  pvd[0] = 1;
  pvd.write('CD001', 1, 'latin1');
  pvd[6] = 1;
  pvd.writeUInt32LE(sectors, 80);
  pvd.writeUInt16LE(SECTOR, 128);
  record(Buffer.from([0]), ROOT_SECTOR, SECTOR, true).copy(pvd, 156);
  const end = iso.subarray(17 * SECTOR, 18 * SECTOR);
  end[0] = 255;
  end.write('CD001', 1, 'latin1');
  end[6] = 1;
  const records = [
    record(Buffer.from([0]), ROOT_SECTOR, SECTOR, true),
    record(Buffer.from([1]), ROOT_SECTOR, SECTOR, true),
    ...files.map((file, index) => {
      const text = Buffer.from(file.text ?? '');
      text.copy(iso, (ROOT_SECTOR + 1 + index) * SECTOR);
      return record(
        Buffer.from(file.name, 'latin1'),
        file.sector ?? ROOT_SECTOR + 1 + index,
        file.size ?? text.length,
        file.directory ?? false,
        file.rockRidge,
      );
    }),
  ];
  Buffer.concat(records).copy(iso, ROOT_SECTOR * SECTOR);
  tweak?.(iso);
  return iso;
}

const readerOf =
  (bytes: Buffer): ReadAt =>
  async (buffer, position) => {
    if (position >= bytes.length) return 0;
    return bytes.copy(buffer, 0, position, Math.min(bytes.length, position + buffer.length));
  };

const UNATTENDED = '%post\necho Install finished > /dev/ttyS0\n%end\n';

describe('reading an ISO root', () => {
  it('finds a plain ISO 9660 kickstart (OSBUILD.KS;1) and makes the install unattended', async () => {
    const iso = makeIso([
      { name: 'README.TXT;1', text: 'hello' },
      { name: 'OSBUILD.KS;1', text: UNATTENDED },
    ]);
    expect(await installerPlan(readerOf(iso), iso.length)).toEqual({
      kind: 'installer',
      unattended: true,
      kickstart: '/OSBUILD.KS',
    });
  });

  it('prefers the Rock Ridge name (osbuild.ks) when the ISO has one', async () => {
    const iso = makeIso([{ name: 'OSBUILD.KS;1', rockRidge: 'osbuild.ks', text: UNATTENDED }]);
    expect((await readIsoRoot(readerOf(iso))).map((entry) => entry.name)).toEqual(['osbuild.ks']);
  });

  it('an installer whose kickstarts do not write the marker waits for the installer', async () => {
    const iso = makeIso([{ name: 'USER.KS;1', text: 'text\nreboot\n' }]);
    expect(await installerPlan(readerOf(iso), iso.length)).toEqual({
      kind: 'installer',
      unattended: false,
      kickstart: '/USER.KS',
    });
  });

  it('a second kickstart with the marker makes it unattended, and names that one', async () => {
    const iso = makeIso([
      { name: 'A.KS;1', text: 'text\n' },
      { name: 'OSBUILD.KS;1', text: UNATTENDED },
    ]);
    expect(await installerPlan(readerOf(iso), iso.length)).toMatchObject({ kickstart: '/OSBUILD.KS' });
  });

  it('something without the CD001 mark is no ISO (booted as a disk)', async () => {
    expect(await installerPlan(readerOf(Buffer.alloc(64 * 1024)), 64 * 1024)).toEqual({ kind: 'notIso' });
    expect(await installerPlan(readerOf(Buffer.alloc(100)), 100)).toEqual({ kind: 'notIso' });
  });

  it('a folder that names itself (a loop) is listed once and never followed', async () => {
    const iso = makeIso([
      { name: 'LOOP', directory: true, sector: ROOT_SECTOR, size: SECTOR },
      { name: 'OSBUILD.KS;1', text: UNATTENDED },
    ]);
    // Every read is counted: a reader that descended into LOOP would read the root folder again
    // (and again), so the root folder's sector may be read exactly once.
    const reads: number[] = [];
    const counted: ReadAt = (buffer, position) => {
      reads.push(position);
      return readerOf(iso)(buffer, position);
    };
    expect((await readIsoRoot(counted)).map((entry) => entry.name)).toEqual(['LOOP', 'OSBUILD.KS']);
    expect(reads.filter((position) => position === ROOT_SECTOR * SECTOR)).toHaveLength(1);
    expect(await installerPlan(readerOf(iso), iso.length)).toMatchObject({ unattended: true });
  });
});

describe('refusing a bad ISO with words, not a crash', () => {
  const reasonOf = async (iso: Buffer, fileBytes?: number) => {
    const plan = await installerPlan(readerOf(iso), fileBytes);
    expect(plan.kind).toBe('unreadable');
    return plan.kind === 'unreadable' ? plan.reason : '';
  };

  it('a file shorter than its volume is truncated', async () => {
    const iso = makeIso([{ name: 'OSBUILD.KS;1', text: UNATTENDED }]);
    const cut = iso.subarray(0, 18 * SECTOR + 100);
    expect(await reasonOf(cut, cut.length)).toMatch(/truncated: it is \d+ bytes long, the file only 36964/);
  });

  it('a drive (no file size) cut inside the root folder is truncated too', async () => {
    const iso = makeIso([{ name: 'OSBUILD.KS;1', text: UNATTENDED }]);
    expect(await reasonOf(iso.subarray(0, 18 * SECTOR + 100))).toMatch(
      /ends before its root folder.*truncated/,
    );
  });

  it('a set with no primary volume descriptor', async () => {
    const iso = makeIso([], (bytes) => {
      bytes[16 * SECTOR] = 255;
    });
    expect(await reasonOf(iso, iso.length)).toContain('no primary volume descriptor');
  });

  it('a descriptor set whose marks are damaged before the primary one', async () => {
    const iso = makeIso([], (bytes) => {
      bytes[16 * SECTOR] = 2;
      bytes.write('XXXXX', 17 * SECTOR + 1, 'latin1');
    });
    expect(await reasonOf(iso, iso.length)).toContain('Volume descriptor 1 of the ISO is damaged');
  });

  it('a root folder pointing past the volume (a huge extent)', async () => {
    const iso = makeIso([], (bytes) => {
      bytes.writeUInt32LE(0xffffffff, 16 * SECTOR + 156 + 10);
    });
    expect(await reasonOf(iso, iso.length)).toContain('points past the end of its volume');
  });

  it('a root folder of absurd size inside an absurdly large claimed volume', async () => {
    const iso = makeIso([], (bytes) => {
      bytes.writeUInt32LE(0xffffffff, 16 * SECTOR + 80);
      bytes.writeUInt32LE(512 * 1024 * 1024, 16 * SECTOR + 156 + 10);
    });
    // No file size: as on a drive, where the volume is not checked against the file.
    expect(await reasonOf(iso)).toContain('root folder claims 536870912 bytes');
  });

  it('a kickstart claiming gigabytes is not read', async () => {
    const iso = makeIso([{ name: 'OSBUILD.KS;1', text: UNATTENDED, size: 3 * 1024 ** 3 }], (bytes) => {
      bytes.writeUInt32LE(0xffffffff, 16 * SECTOR + 80);
    });
    expect(await reasonOf(iso)).toMatch(/OSBUILD\.KS on the ISO is 3221225472 bytes, more than the \d+ read/);
  });

  it('an impossible block size', async () => {
    const iso = makeIso([], (bytes) => {
      bytes.writeUInt16LE(7, 16 * SECTOR + 128);
    });
    expect(await reasonOf(iso, iso.length)).toContain('block size is 7 bytes');
  });

  it('a folder record too short to be one', async () => {
    const iso = makeIso([{ name: 'OSBUILD.KS;1', text: UNATTENDED }], (bytes) => {
      bytes[ROOT_SECTOR * SECTOR] = 20;
    });
    expect(await reasonOf(iso, iso.length)).toContain('damaged record');
  });

  it('the reader itself says IsoFormatError, which the plan turns into words', async () => {
    const iso = makeIso([], (bytes) => {
      bytes[16 * SECTOR] = 255;
    });
    await expect(readIsoRoot(readerOf(iso))).rejects.toBeInstanceOf(IsoFormatError);
  });
});
