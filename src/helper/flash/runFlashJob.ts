import type { DriveProgress, FlashRequest, JobResult } from '../../shared/flash';
import type { JobRegistry } from '../jobRegistry';
import { ejectDrive } from './ejectDrive';
import { flashDrives } from './flashDrives';
import { summarizeImage } from './imageSummary';
import { logicalBlockSize, prepareJob } from './prepareJob';
import { TargetBlockDevice, toEtcherDrive } from './targetBlockDevice';
import { rememberWritten } from './writtenDrives';

/** One image to every requested drive at once; each drive succeeds or fails on its own. */
export async function runFlashJob(
  request: FlashRequest,
  emit: (progress: DriveProgress) => void,
  registry: JobRegistry,
): Promise<JobResult> {
  const { jobId, options } = request;
  const { image, targets, release } = await prepareJob(request.image, request.drives, {
    ...options,
    purpose: 'write',
  });
  const devices = new Map<string, TargetBlockDevice>();
  try {
    for (const target of targets) {
      const drive = toEtcherDrive(target.facts, await logicalBlockSize(target.facts.path));
      devices.set(target.facts.path, new TargetBlockDevice(drive, true));
    }
    registry.add(jobId, devices);
    const { outcomes, sha256, bytesWritten } = await flashDrives({
      jobId,
      image,
      targets,
      devices,
      verify: options.verify,
      emit,
    });
    const written = outcomes.filter(
      (outcome) => outcome.status === 'verified' || outcome.status === 'written',
    );
    // What this helper wrote is what a later "eject all" may power off, and nothing else.
    await Promise.all(written.map((outcome) => rememberWritten(outcome.drive.path)));
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
    await release();
  }
}
