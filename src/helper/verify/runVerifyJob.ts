import type { DriveError, DriveOutcome, DriveProgress, JobResult, VerifyRequest } from '../../shared/flash';
import { classifyFlashError, imageChangedError } from '../flash/classifyFlashError';
import { createDriveProgressReporter } from '../flash/driveProgressReporter';
import type { ImageDescription } from '../flash/imageSource';
import { summarizeImage } from '../flash/imageSummary';
import { logicalBlockSize, prepareJob } from '../flash/prepareJob';
import { TargetBlockDevice, toEtcherDrive } from '../flash/targetBlockDevice';
import { stillTheSameFile } from '../imageHash/fileIdentity';
import { startImageSha256 } from '../imageHash/imageSha256';
import type { JobRegistry } from '../jobRegistry';
import type { CheckedTarget } from '../safety/checkTargets';
import { extentBytes } from '../sparse/extent';
import { compareDriveToImage } from './compareDriveToImage';

/**
 * Verify only: reads a drive and compares it with an image without writing anything. A sparse
 * raw image is compared over its data extents, exactly what a sparse flash writes.
 */
export async function runVerifyJob(
  request: VerifyRequest,
  emit: (progress: DriveProgress) => void,
  registry: JobRegistry,
): Promise<JobResult> {
  const { image, targets, release } = await prepareJob(request.image, [request.drive], {
    full: false,
    includeVirtual: request.includeVirtual,
    purpose: 'read',
  });
  try {
    return await compareWithImage(request.jobId, image, targets, emit, registry);
  } finally {
    await release();
  }
}

async function compareWithImage(
  jobId: string,
  image: ImageDescription,
  targets: CheckedTarget[],
  emit: (progress: DriveProgress) => void,
  registry: JobRegistry,
): Promise<JobResult> {
  const [target] = targets;
  if (!target) throw new Error('prepareJob returned no target');
  const device = new TargetBlockDevice(
    toEtcherDrive(target.facts, await logicalBlockSize(target.facts.path)),
    false,
  );
  registry.add(jobId, new Map([[target.facts.path, device]]));
  const reporter = createDriveProgressReporter(jobId, target.facts.path, emit);
  const startedAt = new Date().toISOString();
  const total = image.extents ? extentBytes(image.extents) : (image.size ?? 0);
  let error: DriveError | null = null;
  // A compressed image is hashed in the comparison's own pass over it (one decompression); that
  // hash stands only if the pass reached the image's end. Any other is hashed beside it.
  const audit = startImageSha256(image);
  const feed = audit.feed;
  const sizeKnown = image.size !== null && !image.sizeIsEstimated;
  let decompressed = 0;
  try {
    await device.open();
    const comparison = await compareDriveToImage(
      image,
      device,
      (bytes) => reporter.update({ phase: 'verifying', bytes, total }),
      // A size the format does not tell (bzip2) is counted in the same pass, to the image's end.
      feed || !sizeKnown
        ? (buffer) => {
            feed?.(buffer);
            decompressed += buffer.length;
          }
        : undefined,
    ).catch((caught: unknown) => {
      error = classifyFlashError(
        device.isCancelled ? Object.assign(new Error(), { code: 'ECANCELED' }) : caught,
        target.facts.path,
      );
      return null;
    });
    if (comparison && !comparison.matched) {
      error = {
        code: 'verifyMismatch',
        offset: comparison.offset,
        message: `${target.facts.path} does not hold the image: first difference at byte ${comparison.offset}.`,
      };
    }
    // A comparison that ended (matched or not) read the whole image; an error may have cut it short.
    const sha256 = await audit.digest(comparison !== null);
    if (!error && !(await stillTheSameFile(image.readPath, image.identity))) {
      error = imageChangedError(target.facts.path);
    }
    const failed = error as DriveError | null;
    reporter.finish(failed ? (failed.code === 'cancelled' ? 'cancelled' : 'failed') : 'done');
    const outcome: DriveOutcome = {
      drive: target.identity,
      status: failed ? (failed.code === 'cancelled' ? 'cancelled' : 'failed') : 'matched',
      startedAt,
      endedAt: new Date().toISOString(),
      bytesWritten: 0,
      verified: failed === null,
      error: failed,
      // Nothing was written: verify only reads.
      writeMode: null,
      wipedSignatures: [],
    };
    return {
      jobId,
      kind: 'verify',
      image: summarizeImage(image, sha256, decompressed),
      drives: [outcome],
    };
  } finally {
    await device.close().catch(() => {});
    registry.remove(jobId);
  }
}
