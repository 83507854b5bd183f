import { realpath } from 'node:fs/promises';
import { basename } from 'node:path';
import type { DriveFacts } from '../../shared/drives/driveFacts';
import { portKeyFromSysPath } from './portChain';

export interface PortOptions {
  /**
   * Test seam, chosen explicitly (`--virtual`), never the default: a loop drive's backing file
   * is its "port", so losetup attach and detach are a stick put in and pulled out.
   */
  loopBackingFileIsPort: boolean;
}

/** The slot key of a drive now, or null when it is in no port a station can arm. */
export async function drivePort(facts: DriveFacts, options: PortOptions): Promise<string | null> {
  if (facts.virtual) {
    return options.loopBackingFileIsPort && facts.backingFile ? `loop:${facts.backingFile}` : null;
  }
  const sysPath = await realpath(`/sys/block/${basename(facts.path)}`).catch(() => null);
  return sysPath ? portKeyFromSysPath(sysPath) : null;
}
