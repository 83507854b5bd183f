import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);
const UDISKSCTL = '/usr/bin/udisksctl';

/**
 * Powers a drive off so it can be pulled safely, when udisks is there. Returns whether it did;
 * a drive that cannot be powered off (a loop device, no udisks) is simply left as it is.
 */
export async function ejectDrive(device: string): Promise<boolean> {
  if (device.startsWith('/dev/loop')) return false;
  const present = await access(UDISKSCTL).then(
    () => true,
    () => false,
  );
  if (!present) return false;
  return run(UDISKSCTL, ['power-off', '--block-device', device, '--no-user-interaction']).then(
    () => true,
    () => false,
  );
}
