import type { BootStage, BootTestOutcome, InstallerInfo } from '../../shared/bootTest';
import type { BootTestOptions } from './bootTestOptions';
import { diskFormat } from './diskFormat';
import { bootArchitecture, type EfiArchitecture } from './efiArchitecture';
import { findQemu } from './findQemu';
import { type GuestAcceleratorChoice, guestAccelerator } from './guestAccelerator';
import { installerPlanOf } from './installerPlan';
import { qcow2OtherFiles } from './qcow2Header';
import type { QemuCommandInput } from './qemuCommand';
import { type QemuUserSwitch, qemuUserSwitch, userIds } from './qemuUserSwitch';
import { readTarget } from './readTarget';
import { FIRMWARE_DESCRIPTOR_DIRS, findUefiFirmware, type UefiFirmware } from './uefiFirmware';

/** The descriptor number a passed drive has in QEMU (the first after stdin, stdout and stderr). */
export const PASSED_DRIVE_FD = 3;

/** Everything decided before QEMU starts: which QEMU, firmware, accelerator, disk, and what passes. */
export interface BootPlan {
  architecture: EfiArchitecture;
  qemu: string;
  firmware: UefiFirmware;
  accel: Extract<GuestAcceleratorChoice, { ok: true }>;
  /** QEMU becomes this user once everything is open (the helper's runs). */
  userSwitch?: { how: QemuUserSwitch; user: string; uid: number; gid: number };
  installer?: InstallerInfo;
  goal: BootStage;
  disk: QemuCommandInput['disk'];
}

/** Why nothing was started, in one of the refusal outcomes and its detail. */
export interface BootRefusal {
  refused: BootTestOutcome;
  detail?: string;
}

/**
 * Reads the target and this computer and decides how to boot it, or why it is not booted. Every
 * refusal comes before anything is created or started, in the order a person fixes them: what
 * this computer lacks for this image, then what is wrong with the image itself.
 */
export async function planBootTest(options: BootTestOptions): Promise<BootPlan | BootRefusal> {
  // The machine the image boots on decides which QEMU and firmware it needs, so it is read first:
  // an arm64-only image booted as x86-64 would end minutes later as "no boot device". One that
  // cannot be read at all is taken as x86-64, as every image was before: what this computer lacks
  // is still said first, and reading it again below says why it cannot be read.
  const architecture = await readTarget(options.target, options.driveFd, bootArchitecture).catch(
    () => 'x86_64' as const,
  );
  const arm64 = architecture === 'aarch64';
  const qemu = await findQemu(architecture, options.searchPath);
  if (!qemu) return { refused: arm64 ? 'noQemuArm64' : 'noQemu' };
  const firmware = await findUefiFirmware(architecture, options.firmwareDirs ?? FIRMWARE_DESCRIPTOR_DIRS);
  if (!firmware) return { refused: arm64 ? 'noFirmwareArm64' : 'noFirmware' };
  const accel = await guestAccelerator(options.accelerator ?? 'auto', architecture);
  if (!accel.ok)
    return { refused: accel.foreign ? 'otherArchitecture' : 'kvmNotPermitted', detail: accel.reason };
  let userSwitch: BootPlan['userSwitch'];
  if (options.switchUser !== undefined) {
    const ids = await userIds(options.switchUser);
    if (ids === null)
      return {
        refused: 'qemuFailed',
        detail: `There is no user ${options.switchUser} to run QEMU as: not run as root.`,
      };
    const how = await qemuUserSwitch(qemu);
    if (how === null) {
      return {
        refused: 'qemuFailed',
        detail: `${qemu} cannot switch to an unprivileged user (-run-with user= or -runas): not run as root.`,
      };
    }
    userSwitch = { how, user: options.switchUser, ...ids };
  }
  // An ISO (a file, or a stick holding one) is an installer: its root's kickstart says what passes.
  const plan = await installerPlanOf(options.target, options.driveFd);
  if (plan.kind === 'unreadable') return { refused: 'unreadableIso', detail: plan.reason };
  const installer =
    plan.kind === 'installer' ? { unattended: plan.unattended, kickstart: plan.kickstart } : undefined;
  const goal: BootStage = installer ? (installer.unattended ? 'installed' : 'installer') : 'login';
  // A drive is always raw: QEMU is told so, and whatever header the stick holds names no file.
  let disk: BootPlan['disk'] = { passedFd: PASSED_DRIVE_FD };
  if (options.driveFd === undefined) {
    const format = await diskFormat(options.target);
    if (format === 'qcow2') {
      // A backing file can be any path its author chose (the person's SSH key, say); QEMU would
      // open it as the person and the guest could read it. bootc-image-builder writes none.
      const others = await readTarget(options.target, undefined, qcow2OtherFiles);
      if (others && others.length > 0) return { refused: 'otherFilesNamed', detail: others.join('; ') };
    }
    disk = { path: options.target, format };
  }
  return { architecture, qemu, firmware, accel, userSwitch, installer, goal, disk };
}
