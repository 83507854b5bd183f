import type { Drive } from 'drivelist';
import { sourceDestination } from 'etcher-sdk';
import type { DriveFacts } from '../../shared/drives/driveFacts';
import { unmountDrive } from './unmountDrive';

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
 * unmount instead of mountutils, and a cancel switch that fails the next read or write, which
 * etcher-sdk treats like any drive failure: this drive stops, the others go on.
 */
export class TargetBlockDevice extends sourceDestination.BlockDevice {
  private cancelled = false;

  constructor(drive: Drive, write: boolean) {
    super({ drive, write, direct: true, unmountOnSuccess: false, keepOriginal: true });
  }

  cancel(): void {
    this.cancelled = true;
  }

  get isCancelled(): boolean {
    return this.cancelled;
  }

  protected override async _open(): Promise<void> {
    if (this.oWrite) await unmountDrive(this.device);
    // Skip BlockDevice._open (it would load mountutils); File._open opens with our flags.
    await sourceDestination.File.prototype['_open'].call(this);
  }

  protected override async _close(): Promise<void> {
    await sourceDestination.File.prototype['_close'].call(this);
  }

  override async write(buffer: Buffer, bufferOffset: number, length: number, fileOffset: number) {
    if (this.cancelled) throw new FlashCancelledError();
    return super.write(buffer, bufferOffset, length, fileOffset);
  }

  override async read(buffer: Buffer, bufferOffset: number, length: number, sourceOffset: number) {
    if (this.cancelled) throw new FlashCancelledError();
    return super.read(buffer, bufferOffset, length, sourceOffset);
  }
}
