import { stat } from 'node:fs/promises';
import type { BuildHistoryEntry } from '../../shared/diskImages/buildRecord';
import { listBuildRecords } from './buildHistory';

/** Every recorded build, newest first, each saying whether its image file is still a file. */
export async function listBuildHistory(dataDir: string): Promise<BuildHistoryEntry[]> {
  const records = await listBuildRecords(dataDir);
  return Promise.all(
    records.map(async (record) => ({
      ...record,
      artifactPresent: record.artifact
        ? await stat(record.artifact).then(
            (info) => info.isFile(),
            () => false,
          )
        : false,
    })),
  );
}
