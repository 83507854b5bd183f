import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultTimeoutOf } from '../../core/bootTest/defaultTimeout';
import { runBootTest } from '../../core/bootTest/runBootTest';
import {
  type DriveBootTestRequest,
  type DriveBootTestResult,
  MAX_SCREENSHOT_BYTES,
} from '../../shared/driveBootTest';
import { HelperRefusal, RefusedError } from '../errors';
import type { JobRegistry } from '../jobRegistry';
import { helperCaller } from '../safety/caller';
import { type CheckedTarget, checkTargets } from '../safety/checkTargets';
import { createPrivateJobFolder } from '../safety/privateJobFolder';
import { DriveChangedError, recheckIdentity } from '../safety/recheckIdentity';
import { pinDrive } from './pinDrive';
import { readOnlyFlag, setReadOnlyFlag } from './readOnlyFlag';
import { forgetMadeReadOnly, noteMadeReadOnly } from './readOnlyLeftBehind';

/**
 * Where the helper looks for QEMU: root's own system folders, never a PATH a caller could have
 * shaped (root's configuration decides what runs as root).
 */
const ROOT_SEARCH_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const MiB = 1024 * 1024;

/**
 * Who QEMU becomes once it has opened the drive's descriptor, the firmware, /dev/kvm and its
 * private sockets as root: the guest runs whatever the stick holds, and a guest that breaks out
 * into QEMU must find itself nobody, not root (and not the caller either, who could then reach
 * QEMU's descriptors by ptrace).
 */
const VM_USER = 'nobody';

/** The screendump, read back from the helper's own folder, as long as it is not absurdly large. */
async function readScreenshot(path: string): Promise<string | undefined> {
  const handle = await open(path, 'r').catch(() => null);
  if (!handle) return undefined;
  try {
    const { size } = await handle.stat();
    if (size > MAX_SCREENSHOT_BYTES) return undefined;
    const bytes = Buffer.alloc(size);
    await handle.read(bytes, 0, size, 0);
    return bytes.toString('base64');
  } finally {
    await handle.close();
  }
}

/**
 * Boots a flashed drive in QEMU without ever writing it: the drive passes the same checks as a
 * flash target (and must not be mounted), is opened once, read-only and exclusively, and proven
 * to be the checked device; its block-layer read-only flag is set for the whole run (so the
 * kernel refuses any write, root's too) and put back as it was afterwards, whatever the end;
 * QEMU gets only that read-only descriptor, behind a throw-away overlay, with no monitor, and its
 * QMP socket stays in root's private job folder (main never sees it).
 */
/**
 * One drive boot test at a time per helper: each may take up to 16 GiB of memory and write 4 GiB
 * into its overlay on root's disk, and a caller could otherwise start one per loop device it made.
 */
let running = false;

export async function runDriveBootTest(
  request: DriveBootTestRequest,
  registry: JobRegistry,
  onConsole: (text: string) => void,
): Promise<DriveBootTestResult> {
  const target = await checkedTarget(request);
  // Pinned first, so a second test of the same drive is told the drive is in use (held exclusively).
  const pinned = await pinDrive(target.facts.path);
  if (running) {
    await pinned.close();
    throw new HelperRefusal(
      'Another drive boot test is running: one at a time (each lends the VM memory and room on this computer’s disk).',
    );
  }
  running = true;
  try {
    return await bootTestOneDrive(request, target, pinned, registry, onConsole);
  } finally {
    running = false;
  }
}

/** The drive as the flash checks judge it (purpose boot: a mounted drive is refused too), re-identified. */
async function checkedTarget(request: DriveBootTestRequest) {
  const checked = await checkTargets(
    [request.drive],
    { size: 0, diskPaths: [] },
    request.includeVirtual,
    'boot',
  );
  if (!checked.ok) throw new RefusedError(checked.refusals);
  const [target] = checked.targets;
  if (!target) throw new Error('checkTargets returned no target');
  const path = target.facts.path;
  await recheckIdentity(target.identity).catch((error: unknown) => {
    if (!(error instanceof DriveChangedError)) throw error;
    throw new RefusedError([
      { code: 'driveChanged', drive: path, message: error.message.replace('written to it', 'started') },
    ]);
  });
  return target;
}

async function bootTestOneDrive(
  request: DriveBootTestRequest,
  target: CheckedTarget,
  pinned: FileHandle,
  registry: JobRegistry,
  onConsole: (text: string) => void,
): Promise<DriveBootTestResult> {
  const path = target.facts.path;
  const caller = await helperCaller().catch(async (error: unknown) => {
    await pinned.close();
    throw error;
  });
  const controller = new AbortController();
  registry.add(request.jobId, new Map([[path, { cancel: () => controller.abort() }]]));
  try {
    // Root's own folder, named for this helper: one killed outright leaves it to the next helper
    // to remove (removeStaleJobFolders), never in a shared /tmp, and with it the note of the drive
    // it made read-only, so that the next helper can make it writable again.
    const folder = await createPrivateJobFolder('boots', request.jobId);
    try {
      const readOnlyBefore = await readOnlyFlag(pinned.fd);
      if (!readOnlyBefore) await noteMadeReadOnly(folder.path, path);
      await setReadOnlyFlag(pinned.fd, true);
      try {
        // Read back, not assumed: QEMU starts only once the kernel says the device refuses writes.
        const readOnlyDuringRun = await readOnlyFlag(pinned.fd);
        if (!readOnlyDuringRun) throw new Error(`${path} could not be made read-only; nothing was started.`);
        // Unsaid, what the stick needs, read off it: an install's time for an unattended install
        // ISO, three times as long for an arm64 system (always emulated).
        const timeoutSeconds = request.timeoutSeconds ?? (await defaultTimeoutOf(path, pinned.fd));
        const { screenshotPath, ...result } = await runBootTest({
          target: path,
          driveFd: pinned.fd,
          timeoutMs: timeoutSeconds * 1000,
          accelerator: request.accelerator,
          memoryMiB: request.memoryMiB,
          cpus: request.cpus,
          signal: controller.signal,
          onConsole,
          workParent: folder.path,
          overlayLimitBytes: request.overlayLimitMiB * MiB,
          login: request.login && { ...request.login, runAs: caller ?? undefined },
          screenshotPath: request.screenshot ? join(folder.path, 'screen.ppm') : undefined,
          searchPath: ROOT_SEARCH_PATH,
          switchUser: VM_USER,
        });
        const screenshotPpmBase64 = screenshotPath ? await readScreenshot(screenshotPath) : undefined;
        return {
          ...result,
          drive: target.identity,
          timeoutSeconds,
          readOnlyBefore,
          readOnlyDuringRun,
          screenshotPpmBase64,
        };
      } finally {
        if (!readOnlyBefore) {
          await setReadOnlyFlag(pinned.fd, false);
          await forgetMadeReadOnly(folder.path);
        }
      }
    } finally {
      await folder.dispose();
    }
  } finally {
    await pinned.close();
  }
}
