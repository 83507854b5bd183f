import { describe, expect, it } from 'vitest';
import { recentImages } from '../../../src/renderer/components/image/recentImages';
import type { BuildRecord } from '../../../src/shared/diskImages/buildRecord';
import type { AuditReport } from '../../../src/shared/report';

const report = (path: string, createdAt: string, kind: 'flash' | 'verify' = 'flash') =>
  ({ kind, createdAt, image: { path } }) as unknown as AuditReport;
const build = (artifact: string | null, endedAt: string, outcome: BuildRecord['outcome'] = 'succeeded') =>
  ({ artifact, endedAt, outcome }) as unknown as BuildRecord;

describe('the disk images used lately', () => {
  it('lists flashed images and built artifacts, newest first, each once', () => {
    const list = recentImages(
      [report('/a.img', '2026-12-01T10:00:00Z'), report('/b.img', '2026-12-02T09:00:00Z')],
      [build('/out/disk.raw', '2026-12-01T12:00:00Z'), build('/a.img', '2026-11-30T08:00:00Z')],
    );
    expect(list.map((entry) => [entry.path, entry.from])).toEqual([
      ['/b.img', 'flash'],
      ['/out/disk.raw', 'build'],
      ['/a.img', 'flash'],
    ]);
  });

  it('leaves out verify-only reports, failed and cancelled builds, and builds without an artifact', () => {
    const list = recentImages(
      [report('/verified.img', '2026-12-02T09:00:00Z', 'verify')],
      [
        build('/failed.raw', '2026-12-02T09:00:00Z', 'failed'),
        build('/cancelled.raw', '2026-12-02T09:00:00Z', 'cancelled'),
        build(null, '2026-12-02T09:00:00Z'),
        build('/cached.raw', '2026-12-01T09:00:00Z', 'cached'),
      ],
    );
    expect(list.map((entry) => entry.path)).toEqual(['/cached.raw']);
  });

  it('keeps at most the limit', () => {
    const reports = Array.from({ length: 9 }, (_, index) =>
      report(`/${index}.img`, `2026-12-0${index + 1}T00:00:00Z`),
    );
    expect(recentImages(reports, [], 5).map((entry) => entry.path)).toEqual([
      '/8.img',
      '/7.img',
      '/6.img',
      '/5.img',
      '/4.img',
    ]);
  });
});
