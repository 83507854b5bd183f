import { open } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import type { Drive } from 'drivelist';
import { sourceDestination } from 'etcher-sdk';
import type { DriveFacts } from '../../shared/drives/driveFacts';
import { unmountDrive } from './unmountDrive';

/** Tries at opening a busy drive: about 2 s in all. */
const OPEN_ATTEMPTS = 5;

export class FlashCancelledError extends Error {
  readonly code = 'ECANCELED';
  constructor() {
    super('Cancelled.');
  }
}

/** The drivelist-shaped object etcher-sdk wants; size must be real or verification misreads. */
export function toEtcherDrive(facts: DriveFacts, blockSize = 512): Drive {
  return {
    device: facts.path,
    raw: facts.path,
    devicePath: null,
    description: facts.description,
    size: facts.size,
    blockSize,
    logicalBlockSize: blockSize,
    mountpoints: [],
    isReadOnly: facts.readOnly,
    isSystem: false,
    isVirtual: facts.virtual,
    isRemovable: facts.removable,
    isCard: null,
    isSCSI: null,
    isUSB: null,
    isUAS: null,
    busType: facts.busType,
    busVersion: null,
    enumerator: 'bootstick',
    error: null,
    partitionTableType: null,
  } as Drive;
}

/**
 * A write target: etcher-sdk's BlockDevice (O_DIRECT|O_EXCL, aligned writes) with our own
 * unmount instead of mountutils, and a cancel switch that fails the next write, which
 * etcher-sdk treats like any drive failure: this drive stops, the others go on. Reads are left
 * alone: a verifier that fails one drive never finishes (etcher-sdk waits for it), so a drive
 * cancelled while being verified is read to the end and then reported cancelled.
 */
export class TargetBlockDevice extends sourceDestination.BlockDevice {
  private cancelled = false;

  /** The drive's logical block size: O_DIRECT writes are whole blocks of it. */
  readonly logicalBlockSize: number;

  constructor(drive: Drive, write: boolean) {
    super({ drive, write, direct: true, unmountOnSuccess: false, keepOriginal: true });
    this.logicalBlockSize = drive.logicalBlockSize || 512;
  }

  cancel(): void {
    this.cancelled = true;
  }

  get isCancelled(): boolean {
    return this.cancelled;
  }

  /** The open drive's own descriptor (O_DIRECT|O_EXCL), for the zeroing after the write. */
  get descriptor(): number {
    return this.fileHandle.fd;
  }

  protected override async _open(): Promise<void> {
    if (this.oWrite) await unmountDrive(this.device);
    // Not BlockDevice._open (it would load mountutils), nor File._open: that retries EBUSY
    // 150 times with growing pauses, about 19 minutes, so a drive another program holds
    // stalled the whole job. A few quick tries cover the moment right after unmounting.
    for (let attempt = 1; ; attempt += 1) {
      try {
        this.fileHandle = await open(this.path, this.getOpenFlags());
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== 'EBUSY' || attempt >= OPEN_ATTEMPTS) throw error;
        await delay(200 * attempt);
      }
    }
  }

  protected override async _close(): Promise<void> {
    await sourceDestination.File.prototype['_close'].call(this);
  }

  /** The other drives of the same job: cancelling one of several must not stall the rest. */
  peers: readonly TargetBlockDevice[] = [];

  override async write(buffer: Buffer, bufferOffset: number, length: number, fileOffset: number) {
    if (this.cancelled) {
      // All cancelled: fail, so the job ends at once. Only some: etcher-sdk's fan-out can wait
      // forever for a failed drive that was holding back the stream (seen as a rare hang), so
      // the cancelled drive quietly takes no more data and is reported cancelled at the end.
      if (this.peers.every((peer) => peer.isCancelled)) throw new FlashCancelledError();
      return { bytesWritten: length, buffer };
    }
    return super.write(buffer, bufferOffset, length, fileOffset);
  }
}
