import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../store/writeFileAtomic';
import { type BatchRow, batchCsv } from './batchReport';

/** Writes the batch as station-<time>.csv and .json into `dir`; returns both paths. */
export async function writeBatchReport(
  dir: string,
  batch: { image: string; armedAt: string; endedAt: string; rows: BatchRow[] },
): Promise<{ csv: string; json: string }> {
  await mkdir(dir, { recursive: true });
  const stem = join(dir, `station-${batch.armedAt.replace(/[:.]/g, '-')}`);
  await writeFileAtomic(`${stem}.json`, `${JSON.stringify(batch, null, 2)}\n`);
  await writeFileAtomic(`${stem}.csv`, batchCsv(batch.rows));
  return { csv: `${stem}.csv`, json: `${stem}.json` };
}
