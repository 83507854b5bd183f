import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One signature libblkid finds (a filesystem, RAID member, partition table), where it starts. */
export interface Signature {
  type: string;
  offset: number;
}

/**
 * What the drive's own probe sees: `wipefs --no-act`, libblkid's view of every filesystem, RAID
 * and partition-table signature of the device or file (what udisks, an installer or md look at).
 * It reads, writes nothing, and works beside the helper's own exclusive open of the drive.
 */
export async function probeSignatures(path: string): Promise<Signature[]> {
  const { stdout } = await run('wipefs', ['--no-act', '--json', '--output', 'OFFSET,TYPE', path], {
    maxBuffer: 1024 * 1024,
  });
  if (!stdout.trim()) return [];
  const listed =
    (JSON.parse(stdout) as { signatures?: Array<{ offset?: string; type?: string }> }).signatures ?? [];
  return listed
    .map((entry) => ({ type: String(entry.type ?? ''), offset: Number(entry.offset) }))
    .filter((entry) => entry.type !== '' && Number.isSafeInteger(entry.offset));
}

/**
 * The drive's signatures the image does not carry at the same place: what a sparse flash left
 * of the drive's past (an old ISO's descriptors, a RAID superblock, an old GPT backup header).
 * `imageSignatures` null (a compressed image, not probed) means every byte of the image was
 * written, so only what lies past its end can be stale.
 */
export function staleSignatures(
  onDrive: readonly Signature[],
  imageSignatures: readonly Signature[] | null,
  imageLength: number,
): Signature[] {
  return onDrive.filter((signature) => {
    if (imageSignatures === null) return signature.offset >= imageLength;
    return !imageSignatures.some(
      (carried) => carried.type === signature.type && carried.offset === signature.offset,
    );
  });
}
