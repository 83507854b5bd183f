import { basename } from 'node:path';
import { readSysBlockAttribute } from '../../main/drives/blockTopology';
import { inspectImage } from '../../main/drives/inspectImage';
import type { DriveProgress, FlashRequest, JobResult, Refusal } from '../../shared/flash';
import type { JobRegistry } from '../jobRegistry';
import { checkTargets, type TargetPurpose } from '../safety/checkTargets';
import { ejectDrive } from './ejectDrive';
import { flashDrives } from './flashDrives';
import { describeImage, ImageError } from './imageSource';
import { summarizeImage } from './imageSummary';
import { TargetBlockDevice, toEtcherDrive } from './targetBlockDevice';

/** Nothing was written: the whole request was refused, with every reason. */
export class RefusedError extends Error {
  constructor(readonly refusals: Refusal[]) {
    super(refusals.map((refusal) => refusal.message).join(' '));
  }
}

export async function logicalBlockSize(device: string): Promise<number> {
  const size = Number(await readSysBlockAttribute(basename(device), 'queue/logical_block_size'));
  return size > 0 ? size : 512;
}

/** Reads the image and checks every target, refusing the whole job before anything is written. */
export async function prepareJob(
  imagePath: string,
  drives: readonly string[],
  options: { full: boolean; includeVirtual: boolean; purpose: TargetPurpose },
) {
  const image = await describeImage(imagePath, { full: options.full }).catch((error: unknown) => {
    if (error instanceof ImageError)
      throw new RefusedError([
        {
          code: error.code,
          drive: null,
          message: error.message,
          ...(error.detail ? { detail: error.detail } : {}),
        },
      ]);
    throw error;
  });
  const location = await inspectImage(imagePath);
  // An unknown or estimated size (bzip2; gzip keeps it modulo 4 GiB, and a damaged gzip's is
  // garbage) cannot prove a drive too small: such a write fails with imageTooLarge instead.
  const knownSize = image.size !== null && !image.sizeIsEstimated ? image.size : 0;
  const safety = { size: knownSize, diskPaths: location.diskPaths };
  const checked = await checkTargets(drives, safety, options.includeVirtual, options.purpose);
  if (!checked.ok) throw new RefusedError(checked.refusals);
  return { image, targets: checked.targets };
}

/** One image to every requested drive at once; each drive succeeds or fails on its own. */
export async function runFlashJob(
  request: FlashRequest,
  emit: (progress: DriveProgress) => void,
  registry: JobRegistry,
): Promise<JobResult> {
  const { jobId, options } = request;
  const { image, targets } = await prepareJob(request.image, request.drives, {
    ...options,
    purpose: 'write',
  });
  const devices = new Map<string, TargetBlockDevice>();
  for (const target of targets) {
    const drive = toEtcherDrive(target.facts, await logicalBlockSize(target.facts.path));
    devices.set(target.facts.path, new TargetBlockDevice(drive, true));
  }
  registry.add(jobId, devices);
  try {
    const { outcomes, sha256, bytesWritten } = await flashDrives({
      jobId,
      image,
      targets,
      devices,
      verify: options.verify,
      emit,
    });
    if (options.eject) {
      await Promise.all(
        outcomes
          .filter((outcome) => outcome.status === 'verified')
          .map((outcome) => ejectDrive(outcome.drive.path)),
      );
    }
    // etcher-sdk counts what it wrote; for a stream of unknown or estimated size that is the true size.
    return { jobId, kind: 'flash', image: summarizeImage(image, sha256, bytesWritten), drives: outcomes };
  } finally {
    registry.remove(jobId);
  }
}
