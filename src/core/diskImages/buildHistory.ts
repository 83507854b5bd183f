import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type BuildRecord, BuildRecordSchema } from '../../shared/diskImages/buildRecord';
import { writeFileAtomic } from '../store/writeFileAtomic';

const historyDir = (dataDir: string) => join(dataDir, 'builds', 'history');

/** Saves a build's record and its whole log beside it; returns the record with the log's path. */
export async function saveBuildRecord(
  dataDir: string,
  record: BuildRecord,
  log: string,
): Promise<BuildRecord> {
  const logFile = join(historyDir(dataDir), `${record.id}.log`);
  await writeFileAtomic(logFile, log);
  const saved = { ...record, logFile };
  await writeFileAtomic(
    join(historyDir(dataDir), `${record.id}.json`),
    `${JSON.stringify(saved, null, 2)}\n`,
  );
  return saved;
}

/** Every recorded build, newest first; a damaged record is skipped, not fatal. */
export async function listBuildRecords(dataDir: string): Promise<BuildRecord[]> {
  const names = await readdir(historyDir(dataDir)).catch(() => [] as string[]);
  const records: BuildRecord[] = [];
  for (const name of names.filter((entry) => entry.endsWith('.json'))) {
    const text = await readFile(join(historyDir(dataDir), name), 'utf8').catch(() => null);
    try {
      const parsed = BuildRecordSchema.safeParse(JSON.parse(text ?? ''));
      if (parsed.success) records.push(parsed.data);
    } catch {
      // a half-written or foreign file: not a record
    }
  }
  return records.sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1));
}

export async function readBuildLog(dataDir: string, id: string): Promise<string | null> {
  if (!/^[a-z0-9-]+$/.test(id)) return null;
  return readFile(join(historyDir(dataDir), `${id}.log`), 'utf8').catch(() => null);
}
