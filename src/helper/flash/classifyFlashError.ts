import type { DriveError } from '../../shared/flash';
import { ImageError } from './imageSource';

const CORRUPT_IMAGE =
  /LZMA|Z_BUF_ERROR|Z_DATA_ERROR|unexpected end of file|invalid (block|stored|distance|code)|incorrect header|bzip|CRC|Unexpected end|corrupt/i;

/** Gives one drive's failure a stable code and words a person can act on. */
export function classifyFlashError(error: unknown, drive: string): DriveError {
  if (error instanceof ImageError) {
    return { code: error.code, message: error.message, ...(error.detail ? { detail: error.detail } : {}) };
  }
  const code = (error as { code?: string } | null)?.code ?? '';
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ECANCELED':
      return { code: 'cancelled', message: `Writing ${drive} was cancelled.` };
    case 'EVALIDATION':
      return {
        code: 'verifyMismatch',
        message: `${drive} does not hold the image: verification found different bytes.`,
      };
    case 'EUNPLUGGED':
    case 'ENODEV':
    case 'ENXIO':
      return {
        code: 'driveUnplugged',
        message: `${drive} went away: it was unplugged or stopped answering.`,
      };
    case 'EBUSY':
      return {
        code: 'driveBusy',
        message: `${drive} is in use by another program or mounted: ${detail}`,
        detail,
      };
    case 'EACCES':
    case 'EPERM':
      return { code: 'permissionDenied', message: `Permission to write ${drive} was refused.` };
    case 'EIO':
    case 'ENOSPC':
    case 'EROFS':
      return {
        code: 'ioError',
        message: `${drive} failed while being written (${code}): the drive may be faulty.`,
        detail: code,
      };
    case 'EDRIVECHANGED':
      return { code: 'driveChanged', message: detail };
    case 'EIMAGETOOLARGE':
      return { code: 'imageTooLarge', message: detail };
  }
  if (CORRUPT_IMAGE.test(`${code} ${detail}`)) {
    return { code: 'imageCorrupt', message: `The image is damaged or incomplete: ${detail}`, detail };
  }
  return { code: 'internal', message: `Writing ${drive} failed: ${detail}`, detail };
}

/** A job whose image file changed under it: nothing it wrote or compared can be vouched for. */
export function imageChangedError(drive: string): DriveError {
  return {
    code: 'imageChanged',
    message: `The image file changed during the job, so the result for ${drive} cannot be trusted. Run the job again.`,
  };
}
