import type { DriveFacts } from './driveFacts';
import { REASON_SEVERITY, type Reason, type Verdict } from './driveView';

export interface ClassifyContext {
  /** The image about to be written, if one is chosen. */
  image: { size: number; diskPaths: readonly string[] } | null;
  largeDriveThresholdBytes: number;
}

/**
 * An SD card in an internal mmcblk reader: lsblk reports RM=0, so drivelist calls it a system
 * drive (drivelist#303). It is removable media unless the system actually runs from it.
 */
function isRemovableSdCard(facts: DriveFacts): boolean {
  return /^\/dev\/mmcblk\d+$/.test(facts.path) && facts.mmcType === 'SD' && facts.systemMounts.length === 0;
}

function isSystemDrive(facts: DriveFacts): boolean {
  if (facts.systemMounts.length > 0) return true;
  if (facts.virtual) return false;
  return facts.drivelistSystem && !isRemovableSdCard(facts);
}

function reasonsFor(facts: DriveFacts, context: ClassifyContext): Reason[] {
  const reasons: Reason[] = [];
  if (isSystemDrive(facts)) {
    reasons.push({ code: 'system', detail: facts.systemMounts.join(', ') || undefined });
  }
  const raidHolders = facts.holders.filter((holder) => holder.startsWith('md'));
  if (facts.busType === 'RAID' || raidHolders.length > 0) {
    reasons.push({ code: 'raidMember', detail: raidHolders.join(', ') || undefined });
  }
  const otherHolders = facts.holders.filter((holder) => !holder.startsWith('md'));
  if (otherHolders.length > 0) reasons.push({ code: 'inUse', detail: otherHolders.join(', ') });
  if (facts.readOnly) reasons.push({ code: 'readOnly' });
  if (facts.size === null || facts.size === 0) reasons.push({ code: 'noMedia' });
  const { image } = context;
  if (image?.diskPaths.includes(facts.path)) reasons.push({ code: 'holdsImage' });
  if (image && facts.size !== null && facts.size > 0 && facts.size < image.size) {
    reasons.push({ code: 'tooSmall', detail: String(image.size) });
  }
  if (facts.size !== null && facts.size > context.largeDriveThresholdBytes) {
    reasons.push({ code: 'large', detail: String(context.largeDriveThresholdBytes) });
  }
  if (facts.virtual) reasons.push({ code: 'virtual', detail: facts.backingFile ?? undefined });
  return reasons;
}

/** The safety verdict for one drive: refused, warned about, or fine, with every reason. */
export function classifyDrive(facts: DriveFacts, context: ClassifyContext): Verdict {
  const reasons = reasonsFor(facts, context);
  const severities = reasons.map((reason) => REASON_SEVERITY[reason.code]);
  const status = severities.includes('refuse')
    ? 'refused'
    : severities.includes('warn')
      ? 'warning'
      : 'selectable';
  return { status, hidden: reasons.some((reason) => reason.code === 'system'), reasons };
}
