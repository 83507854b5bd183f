import { lstat, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { readDriveIdentity } from '../../core/drives/driveIdentity';
import { gatherDriveFacts } from '../../core/drives/gatherDriveFacts';
import { classifyDrive } from '../../shared/drives/classifyDrive';
import type { DriveFacts } from '../../shared/drives/driveFacts';
import type { DriveIdentity, Refusal } from '../../shared/flash';
import { en } from '../../shared/i18n/catalogue';
import { describeReason } from '../../shared/i18n/describeReason';
import { translateFrom } from '../../shared/i18n/translate';
import { helperCaller } from './caller';
import { callerFs } from './callerFs';
import { callerMayUseLoopBacking } from './loopBackingAccess';

const translate = translateFrom(en);

export interface ImageForSafety {
  /** Decompressed size when known (what must fit on the drive). */
  size: number;
  diskPaths: string[];
}

export interface CheckedTarget {
  facts: DriveFacts;
  identity: DriveIdentity;
}

async function isPartition(path: string): Promise<boolean> {
  return stat(`/sys/class/block/${basename(path)}/partition`).then(
    () => true,
    () => false,
  );
}

/**
 * Writing needs every check; reading a drive back (verify only) may read a write-protected one;
 * booting one (never written either) also wants nothing mounted from it: a mounted filesystem
 * changes under a running guest, and the guest's view of it would not be the stick's.
 */
export type TargetPurpose = 'write' | 'read' | 'boot';

const REFUSED_AS: Record<TargetPurpose, string> = {
  write: 'cannot be written',
  read: 'cannot be written',
  boot: 'cannot be boot-tested',
};

/** Why one requested path may not be written (or read), or null when it may. */
async function refusalFor(
  path: string,
  enumerated: DriveFacts[],
  image: ImageForSafety,
  purpose: TargetPurpose,
): Promise<Refusal | null> {
  const info = await lstat(path).catch(() => null);
  if (!info) return { code: 'notABlockDevice', drive: path, message: `${path} does not exist.` };
  if (info.isSymbolicLink()) {
    return {
      code: 'notABlockDevice',
      drive: path,
      message: `${path} is a symbolic link. Name the drive itself (for example /dev/sdb).`,
    };
  }
  if (!info.isBlockDevice())
    return { code: 'notABlockDevice', drive: path, message: `${path} is not a drive.` };
  if (await isPartition(path)) {
    return {
      code: 'notAWholeDisk',
      drive: path,
      message: `${path} is a partition. Bootstick writes whole drives: name the drive it belongs to.`,
    };
  }
  const facts = enumerated.find((drive) => drive.path === path);
  if (!facts) {
    return {
      code: 'notEnumerated',
      drive: path,
      message: `${path} is not a drive Bootstick can write right now (virtual drives need --virtual).`,
    };
  }
  // Large drives only warn in the app (the person confirmed); everything else refused stays refused.
  const verdict = classifyDrive(facts, { image, largeDriveThresholdBytes: Number.POSITIVE_INFINITY });
  const ignored = purpose === 'write' ? ['virtual'] : ['virtual', 'readOnly'];
  const reasons = verdict.reasons.filter((reason) => !ignored.includes(reason.code));
  if (verdict.status === 'refused' && reasons.length > 0) {
    const words = reasons.map((reason) => describeReason(reason, translate)).join('; ');
    return {
      code: 'unsafeDrive',
      drive: path,
      message: `${path} ${REFUSED_AS[purpose]}: ${words}.`,
      reasons,
    };
  }
  if (purpose === 'boot' && facts.mountpoints.length > 0) {
    return {
      code: 'driveInUse',
      drive: path,
      message: `${path} is mounted (${facts.mountpoints.join(', ')}): unmount it first. A boot test runs only on a drive nothing else is using.`,
    };
  }
  if (facts.virtual) {
    // A loop device lends whoever uses it the file behind it: only as far as the caller could.
    const access = purpose === 'write' ? 'write' : 'read';
    const denied = await callerMayUseLoopBacking(path, access, callerFs(await helperCaller()));
    if (denied) return { code: 'backingFileDenied', drive: path, message: denied };
  }
  return null;
}

/**
 * The helper's own safety check. It enumerates the drives itself and judges every requested
 * path with the same rules as the app, whatever the caller claims. Either every target is
 * allowed, or nothing is written and every refusal is reported.
 */
export async function checkTargets(
  paths: readonly string[],
  image: ImageForSafety,
  includeVirtual: boolean,
  purpose: TargetPurpose = 'write',
): Promise<{ ok: true; targets: CheckedTarget[] } | { ok: false; refusals: Refusal[] }> {
  const enumerated = await gatherDriveFacts({ includeVirtual });
  const refusals: Refusal[] = [];
  paths.forEach((path, index) => {
    if (paths.indexOf(path) !== index) {
      refusals.push({ code: 'duplicateTarget', drive: path, message: `${path} is named twice.` });
    }
  });
  for (const path of new Set(paths)) {
    const refusal = await refusalFor(path, enumerated, image, purpose);
    if (refusal) refusals.push(refusal);
  }
  if (refusals.length > 0) return { ok: false, refusals };
  const targets = await Promise.all(
    paths.map(async (path) => {
      const facts = enumerated.find((drive) => drive.path === path) as DriveFacts;
      return { facts, identity: await readDriveIdentity(facts) };
    }),
  );
  return { ok: true, targets };
}
