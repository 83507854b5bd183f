import { execFile } from 'node:child_process';
import { basename } from 'node:path';
import { promisify } from 'node:util';
import type { DriveFacts } from '../../shared/drives/driveFacts';
import type { DriveIdentity } from '../../shared/flash';
import { readSysBlockAttribute } from './blockTopology';

const run = promisify(execFile);

/** Model and serial as lsblk reads them (from udev, else sysfs); null where the device has none. */
async function modelAndSerial(path: string): Promise<{ model: string | null; serial: string | null }> {
  try {
    const { stdout } = await run('lsblk', ['--json', '--nodeps', '--output', 'MODEL,SERIAL', path]);
    const [device] = (
      JSON.parse(stdout) as { blockdevices: { model: string | null; serial: string | null }[] }
    ).blockdevices;
    return { model: device?.model?.trim() || null, serial: device?.serial?.trim() || null };
  } catch {
    return { model: null, serial: null };
  }
}

/** Who a drive is, for the audit report and for the identity re-check before writing. */
export async function readDriveIdentity(facts: DriveFacts): Promise<DriveIdentity> {
  const { model, serial } = await modelAndSerial(facts.path);
  return {
    path: facts.path,
    model: model ?? facts.description,
    // A loop device has no serial: the file behind it is what makes it the same drive.
    serial: serial ?? (facts.virtual ? `loop:${facts.backingFile}` : null),
    size: facts.size,
    bus: facts.busType,
  };
}

/** The size and serial of a device right now, read fresh from the kernel. */
export async function readCurrentIdentity(
  path: string,
): Promise<{ size: number | null; serial: string | null }> {
  const name = basename(path);
  const sectors = Number(await readSysBlockAttribute(name, 'size'));
  const backingFile = await readSysBlockAttribute(name, 'loop/backing_file');
  const { serial } = await modelAndSerial(path);
  return {
    size: sectors > 0 ? sectors * 512 : null,
    serial: serial ?? (backingFile ? `loop:${backingFile}` : null),
  };
}
