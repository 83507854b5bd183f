import { stringify } from 'csv-stringify/sync';
import type { BootTestSummary } from '../../shared/bootTest';
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
  'boot_stage',
  'boot_architecture',
  'boot_login_user',
  'boot_logged_in',
  'boot_checks_passed',
  'boot_checks_failed',
];

/** A drive's boot-test login in four cells: who, got in or not, and the commands that passed and failed. */
function loginCells(login: BootTestSummary['login']): (string | number)[] {
  if (!login) return ['', '', '', ''];
  const failed = login.checks.filter((check) => !check.passed).map((check) => check.command);
  // The count of passes, and the failing commands themselves (one per line): what someone acts on.
  return [login.user, String(login.loggedIn), login.checks.length - failed.length, failed.join('\n')];
}

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
    outcome.bootTest?.stage ?? '',
    outcome.bootTest?.architecture ?? '',
    ...loginCells(outcome.bootTest?.login),
  ]);
  return stringify([COLUMNS, ...rows], { escape_formulas: true });
}
