import { stringify } from 'csv-stringify/sync';
import type { StationRecord } from './station';

/** One stick of a station's batch, as the report's CSV and JSON list it. */
export interface BatchRow {
  slot: string;
  port: string;
  drive: string | null;
  model: string | null;
  serial: string | null;
  imageSha256: string | null;
  /** verified, written (verify off), failed, cancelled, or refused by the helper. */
  result: string;
  verified: boolean | null;
  startedAt: string | null;
  endedAt: string | null;
  bytesWritten: number;
  /** Bytes written per second of the job (write and verify together). */
  bytesPerSecond: number | null;
  /** No boot test runs in a station yet. */
  bootTest: 'notRun';
  error: string | null;
}

export function batchRowOf(record: StationRecord): BatchRow {
  const { outcome, result, slot } = record;
  const seconds = outcome ? (Date.parse(outcome.endedAt) - Date.parse(outcome.startedAt)) / 1000 : 0;
  return {
    slot: slot.name,
    port: slot.port,
    drive: outcome?.drive.path ?? null,
    model: outcome?.drive.model ?? null,
    serial: outcome?.drive.serial ?? null,
    imageSha256: result?.image.sha256 ?? null,
    result: outcome?.status ?? 'refused',
    verified: outcome?.verified ?? null,
    startedAt: outcome?.startedAt ?? null,
    endedAt: outcome?.endedAt ?? null,
    bytesWritten: outcome?.bytesWritten ?? 0,
    bytesPerSecond: outcome && seconds > 0 ? Math.round(outcome.bytesWritten / seconds) : null,
    bootTest: 'notRun',
    error: record.error,
  };
}

const COLUMNS: (keyof BatchRow)[] = [
  'slot',
  'port',
  'drive',
  'model',
  'serial',
  'imageSha256',
  'result',
  'verified',
  'startedAt',
  'endedAt',
  'bytesWritten',
  'bytesPerSecond',
  'bootTest',
  'error',
];

/** The batch as CSV; escape_formulas keeps a drive's model from running as a spreadsheet formula. */
export function batchCsv(rows: readonly BatchRow[]): string {
  return stringify(
    rows.map((row) => COLUMNS.map((column) => row[column] ?? '')),
    { header: true, columns: COLUMNS, escape_formulas: true, cast: { boolean: (value) => String(value) } },
  );
}
