import { stringify } from 'csv-stringify/sync';
import type { AuditReport } from '../../shared/report';

const COLUMNS = [
  'report_id',
  'kind',
  'image_path',
  'image_size',
  'image_sha256',
  'image_compression',
  'drive_path',
  'drive_model',
  'drive_serial',
  'drive_size',
  'drive_bus',
  'started_at',
  'ended_at',
  'bytes_written',
  'status',
  'write_mode',
  'wiped_signatures',
  'verified',
  'error_code',
  'error_message',
  'mismatch_offset',
  'boot_test',
  'boot_proof',
  'boot_accelerator',
  'boot_elapsed_ms',
  'boot_tested_at',
];

/**
 * One row per drive, for spreadsheets. csv-stringify handles quoting, and escape_formulas keeps
 * a drive model or path from being run as a formula when the file is opened (CSV injection).
 */
export function reportToCsv(report: AuditReport): string {
  const rows = report.drives.map((outcome) => [
    report.id,
    report.kind,
    report.image.path,
    report.image.size,
    report.image.sha256,
    report.image.compression,
    outcome.drive.path,
    outcome.drive.model,
    outcome.drive.serial ?? '',
    outcome.drive.size ?? '',
    outcome.drive.bus,
    outcome.startedAt,
    outcome.endedAt,
    outcome.bytesWritten,
    outcome.status,
    outcome.writeMode ?? '',
    outcome.wipedSignatures.join(' '),
    outcome.verified === null ? '' : String(outcome.verified),
    outcome.error?.code ?? '',
    outcome.error?.message ?? '',
    outcome.error?.offset ?? '',
    outcome.bootTest?.outcome ?? '',
    outcome.bootTest?.proof ?? '',
    outcome.bootTest?.accelerator ?? '',
    outcome.bootTest?.elapsedMs ?? '',
    outcome.bootTest?.at ?? '',
  ]);
  return stringify([COLUMNS, ...rows], { escape_formulas: true });
}
