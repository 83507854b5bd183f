import type { DriveView } from '../shared/drives/driveView';
import { formatBytes } from '../shared/format/formatBytes';
import { describeReason } from '../shared/i18n/describeReason';
import { translate } from './translate';

const STATUS_WORD = { selectable: 'ok', warning: 'WARNING', refused: 'REFUSED' } as const;

/** A plain-text table for people at a terminal: one drive a line, reasons in words below it. */
export function formatDriveTable(drives: readonly DriveView[]): string {
  const rows = drives.map((drive) => [
    drive.path,
    formatBytes(drive.size),
    drive.bus,
    STATUS_WORD[drive.verdict.status],
    drive.description || '-',
  ]);
  const header = ['DRIVE', 'SIZE', 'BUS', 'STATUS', 'DESCRIPTION'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ');
  const out = [line(header)];
  drives.forEach((drive, index) => {
    out.push(line(rows[index] ?? []));
    for (const reason of drive.verdict.reasons) out.push(`    - ${describeReason(reason, translate)}`);
  });
  return out.join('\n');
}
