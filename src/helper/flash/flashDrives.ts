import { multiWrite, type sourceDestination } from 'etcher-sdk';
import type { DriveError, DriveOutcome, DriveProgress } from '../../shared/flash';
import { stillTheSameFile } from '../imageHash/fileIdentity';
import { startImageSha256 } from '../imageHash/imageSha256';
import type { CheckedTarget } from '../safety/checkTargets';
import { recheckIdentity } from '../safety/recheckIdentity';
import { compareDriveToImage } from '../verify/compareDriveToImage';
import { classifyFlashError, imageChangedError } from './classifyFlashError';
import { type ClearedDrive, clearStaleData } from './clearStaleData';
import { createDriveProgressReporter, type DriveProgressReporter } from './driveProgressReporter';
import { type ImageDescription, openImageSource } from './imageSource';
import { tapSourceChunks } from './tapSourceChunks';
import type { TargetBlockDevice } from './targetBlockDevice';

/** etcher-sdk's ring of 1 MiB aligned buffers: 16 per drive keeps each busy, capped at 32 MiB (the helper must stay small). */
const numBuffersFor = (drives: number) => Math.min(16 * drives, 32);

interface DriveRun {
  target: CheckedTarget;
  device: TargetBlockDevice;
  reporter: DriveProgressReporter;
  startedAt: string;
  endedAt: string | null;
  bytes: number;
  error: DriveError | null;
  /** What was done past the image's data (see clearStaleData); null until it was. */
  cleared: ClearedDrive | null;
}

export interface FlashDrivesInput {
  jobId: string;
  image: ImageDescription;
  targets: CheckedTarget[];
  devices: Map<string, TargetBlockDevice>;
  verify: boolean;
  emit: (progress: DriveProgress) => void;
}

/** Compares each drive that was written with the image; a difference fails that drive. */
async function verifyByReadingBack(runs: DriveRun[], image: ImageDescription): Promise<void> {
  for (const run of runs.filter((candidate) => candidate.error === null)) {
    run.reporter.update({ phase: 'verifying', bytes: 0, total: run.bytes, speed: null, eta: null });
    const comparison = await run.device
      .open()
      .then(() => compareDriveToImage(image, run.device, (bytes) => run.reporter.update({ bytes })))
      .catch((caught: unknown) => {
        run.error = classifyFlashError(caught, run.target.facts.path);
        return null;
      });
    if (comparison && !comparison.matched) {
      run.error = {
        code: 'verifyMismatch',
        offset: comparison.offset,
        message: `${run.target.facts.path} does not hold the image: first difference at byte ${comparison.offset}.`,
      };
    }
  }
}

const cancelledError = () => Object.assign(new Error('Cancelled.'), { code: 'ECANCELED' });

/**
 * Writes one image to every drive in a single etcher-sdk pipeline: the image is read (and
 * decompressed) once, hashed on the way past, and fanned out to all drives. A drive that fails
 * or is cancelled drops out with its own reason; the others go on.
 */
export async function flashDrives({ jobId, image, targets, devices, verify, emit }: FlashDrivesInput) {
  const runs = targets.map(
    (target): DriveRun => ({
      target,
      device: devices.get(target.facts.path) as TargetBlockDevice,
      reporter: createDriveProgressReporter(jobId, target.facts.path, emit),
      startedAt: new Date().toISOString(),
      endedAt: null,
      bytes: 0,
      error: null,
      cleared: null,
    }),
  );
  const fail = (run: DriveRun, caught: unknown) => {
    if (run.error) return;
    run.error = classifyFlashError(run.device.isCancelled ? cancelledError() : caught, run.target.facts.path);
    const sizeWasUnsure = image.size === null || image.sizeIsEstimated;
    if (sizeWasUnsure && (caught as { code?: string } | null)?.code === 'ENOSPC') {
      run.error = {
        code: 'imageTooLarge',
        message: `The image is larger than ${run.target.facts.path}: it does not fit.`,
      };
    }
    run.endedAt = new Date().toISOString();
  };

  // Right before opening: each drive must still be the one that was checked. Each is opened
  // here, on its own, so a drive that cannot be opened (busy: someone else holds it with
  // O_EXCL) fails alone; left to etcher-sdk, one such drive stalled the whole job. All at once:
  // the re-check and the unmount ask lsblk and the mount table, ~60 ms a drive one after another.
  await Promise.all(
    runs.map(async (run) => {
      if (run.device.isCancelled) return fail(run, cancelledError());
      await recheckIdentity(run.target.identity)
        .then(() => run.device.open())
        .catch((caught: unknown) => fail(run, caught));
    }),
  );
  const active = runs.filter((run) => run.error === null);
  for (const run of active) run.device.peers = active.map((peer) => peer.device);
  const byDevice = new Map<sourceDestination.SourceDestination, DriveRun>(
    active.map((run) => [run.device, run]),
  );
  let sha256: string | null = null;
  let bytesWritten = 0;
  // etcher-sdk's checksum verification never finishes for a stream of unknown size (bzip2):
  // then Bootstick reads the drives back itself after writing.
  const etcherVerifies = verify && image.size !== null;
  if (active.length > 0) {
    const source = await openImageSource(image);
    const audit = startImageSha256(image);
    if (audit.feed) tapSourceChunks(source, audit.feed);
    try {
      const result = await multiWrite.pipeSourceToDestinations({
        source,
        destinations: active.map((run) => run.device),
        verify: etcherVerifies,
        numBuffers: numBuffersFor(active.length),
        onFail: (destination, failed) => {
          const run = byDevice.get(destination);
          if (run) fail(run, failed);
        },
        onProgress: (progress) => {
          const sparse = progress.sparse === true;
          const bytes = (sparse ? progress.bytes : progress.position) ?? 0;
          for (const run of active) {
            if (run.error) continue;
            if (progress.type !== 'verifying') run.bytes = bytes;
            run.reporter.update({
              phase: progress.type === 'verifying' ? 'verifying' : 'writing',
              bytes,
              total: (sparse ? progress.blockmappedSize : progress.size) ?? image.size ?? 0,
              speed: progress.speed ?? null,
              eta: progress.eta ?? null,
            });
          }
        },
      });
      bytesWritten = result.bytesWritten;
    } catch (caught) {
      // The source itself failed (a damaged image): every drive still writing fails with it.
      for (const run of active) fail(run, caught);
    }
    sha256 = await audit.digest(active.some((run) => run.error === null));
  }
  if (verify && !etcherVerifies) await verifyByReadingBack(active, image);
  // The drive must carry nothing of its past that the image lacks (holes of a sparse image, the
  // drive past the image's end): zeroed or wiped, and the mode recorded as it is.
  const imageLength = image.size !== null && !image.sizeIsEstimated ? image.size : bytesWritten;
  for (const run of active) {
    if (run.error || run.device.isCancelled) continue;
    const size = run.target.facts.size ?? 0;
    await run.device
      .open()
      .then(() =>
        clearStaleData(
          {
            path: run.target.facts.path,
            fd: run.device.descriptor,
            size,
            blockSize: run.device.logicalBlockSize,
          },
          image,
          imageLength,
        ),
      )
      .then((cleared) => {
        run.cleared = cleared;
      })
      .catch((caught: unknown) => {
        const message = caught instanceof Error ? caught.message : String(caught);
        run.error = /still carries/.test(message)
          ? { code: 'staleData', message }
          : classifyFlashError(caught, run.target.facts.path);
        run.endedAt = new Date().toISOString();
      });
  }
  // Cancelled while being verified (reads are not interrupted, see TargetBlockDevice).
  for (const run of active) if (run.device.isCancelled) fail(run, cancelledError());
  // Written from a file that changed under the job: the drives may hold a mix of two versions,
  // and the verification compared them with that same mix. None of them can be vouched for.
  if (active.length > 0 && !(await stillTheSameFile(image.readPath, image.identity))) {
    sha256 = null;
    for (const run of active) {
      if (run.error) continue;
      run.error = imageChangedError(run.target.facts.path);
      run.endedAt = new Date().toISOString();
    }
  }

  for (const run of runs) {
    if (run.error?.code === 'verifyMismatch' && run.error.offset === undefined) {
      // etcher-sdk compares checksums; read back once more to tell the person where it differs.
      const comparison = await run.device
        .open()
        .then(() => compareDriveToImage(image, run.device))
        .catch(() => null);
      if (comparison && !comparison.matched) {
        run.error = {
          ...run.error,
          offset: comparison.offset,
          message: `${run.error.message} First difference at byte ${comparison.offset}.`,
        };
      }
    }
    await run.device.close().catch(() => {});
  }

  const outcomes = runs.map((run): DriveOutcome => {
    const cancelled = run.error?.code === 'cancelled';
    run.reporter.finish(run.error ? (cancelled ? 'cancelled' : 'failed') : 'done');
    return {
      drive: run.target.identity,
      status: run.error ? (cancelled ? 'cancelled' : 'failed') : verify ? 'verified' : 'written',
      startedAt: run.startedAt,
      endedAt: run.endedAt ?? new Date().toISOString(),
      bytesWritten: run.error ? run.bytes : bytesWritten,
      verified: verify ? run.error === null : null,
      error: run.error,
      writeMode: run.cleared?.writeMode ?? null,
      wipedSignatures: run.cleared?.wipedSignatures ?? [],
    };
  });
  return { outcomes, sha256, bytesWritten };
}
