import { multiWrite } from 'etcher-sdk';
import type { DriveError, DriveOutcome, DriveProgress } from '../../shared/flash';
import type { CheckedTarget } from '../safety/checkTargets';
import { recheckIdentity } from '../safety/recheckIdentity';
import { compareDriveToImage } from '../verify/compareDriveToImage';
import { classifyFlashError } from './classifyFlashError';
import { createDriveProgressReporter } from './driveProgressReporter';
import { type ImageDescription, openImageSource } from './imageSource';
import type { TargetBlockDevice } from './targetBlockDevice';

/** etcher-sdk's ring of 1 MiB aligned buffers; 16 keeps one drive busy without using much memory. */
const NUM_BUFFERS = 16;

export interface FlashDriveInput {
  jobId: string;
  image: ImageDescription;
  target: CheckedTarget;
  device: TargetBlockDevice;
  verify: boolean;
  emit: (progress: DriveProgress) => void;
}

/**
 * Writes (and verifies) one drive in its own pipeline, so it runs at its own pace, fails alone,
 * and can be cancelled alone. Never throws: every ending is an outcome with a reason.
 */
export async function flashDrive({ jobId, image, target, device, verify, emit }: FlashDriveInput) {
  const startedAt = new Date().toISOString();
  const reporter = createDriveProgressReporter(jobId, target.identity.path, emit);
  let bytesWritten = 0;
  let error: DriveError | null = null;
  try {
    if (device.isCancelled) throw Object.assign(new Error('Cancelled.'), { code: 'ECANCELED' });
    await recheckIdentity(target.identity);
    const source = await openImageSource(image);
    let failure: unknown = null;
    const result = await multiWrite.pipeSourceToDestinations({
      source,
      destinations: [device],
      verify,
      numBuffers: NUM_BUFFERS,
      onFail: (_destination, failed) => {
        failure ??= failed;
      },
      onProgress: (progress) => {
        const sparse = progress.sparse === true;
        reporter.update({
          phase: progress.type === 'verifying' ? 'verifying' : 'writing',
          bytes: (sparse ? progress.bytes : progress.position) ?? 0,
          total: (sparse ? progress.blockmappedSize : progress.size) ?? image.size ?? 0,
          speed: progress.speed ?? null,
          eta: progress.eta ?? null,
        });
      },
    });
    bytesWritten = result.bytesWritten;
    if (failure) throw failure;
  } catch (caught) {
    error = classifyFlashError(
      device.isCancelled ? Object.assign(new Error(), { code: 'ECANCELED' }) : caught,
      target.identity.path,
    );
  }
  if (error?.code === 'verifyMismatch') {
    // etcher-sdk compares checksums; read back once more to tell the person where it differs.
    const comparison = await device
      .open()
      .then(() => compareDriveToImage(image, device))
      .catch(() => null);
    if (comparison && !comparison.matched) {
      error = {
        ...error,
        offset: comparison.offset,
        message: `${error.message} First difference at byte ${comparison.offset}.`,
      };
    }
  }
  await device.close().catch(() => {});
  const status = error
    ? error.code === 'cancelled'
      ? 'cancelled'
      : 'failed'
    : verify
      ? 'verified'
      : 'written';
  reporter.finish(error ? (error.code === 'cancelled' ? 'cancelled' : 'failed') : 'done');
  const outcome: DriveOutcome = {
    drive: target.identity,
    status,
    startedAt,
    endedAt: new Date().toISOString(),
    bytesWritten,
    verified: verify ? error === null : null,
    error,
  };
  return outcome;
}
