import { appDataDir } from '../core/appDataDir';
import { ElevationError, HelperCallError } from '../core/privileged/helperClient';
import { saveReport } from '../core/reports/reportStore';
import type { JobResult, WriteMode } from '../shared/flash';
import { formatBytes } from '../shared/format/formatBytes';

export const EXIT = { ok: 0, failed: 1, refused: 2 } as const;

export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Turns a helper refusal or an elevation failure into words and exit code 2. */
export function refusalToExit(error: unknown): never {
  if (error instanceof HelperCallError && error.error.code === 'refused') {
    const lines = (error.error.refusals ?? []).map((refusal) => `  - ${refusal.message}`);
    throw new CliExit(EXIT.refused, `Refused, nothing was written:\n${lines.join('\n')}`);
  }
  if (error instanceof HelperCallError && error.error.code === 'badRequest') {
    throw new CliExit(EXIT.refused, error.message);
  }
  if (error instanceof ElevationError) throw new CliExit(EXIT.refused, error.message);
  throw error;
}

/** How each drive was written, as the audit report records it (WriteModeSchema). */
const WRITE_MODE_WORDS: Record<WriteMode, string> = {
  everyByte: 'every byte written',
  holesZeroed: 'data extents written, holes zeroed: byte for byte the image',
  staleSignaturesWiped: 'data extents written, holes left as they were, stale signatures wiped',
};

const wiped = (types: string[]) => (types.length > 0 ? `; wiped ${types.join(', ')}` : '');

/** Saves the audit report, prints the result, and returns the exit code. */
export async function finishJob(result: JobResult, json: boolean): Promise<number> {
  const report = await saveReport(appDataDir(), result);
  const success = result.drives.every((drive) => ['verified', 'written', 'matched'].includes(drive.status));
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const lines = result.drives.map((outcome) => {
      const what = `${outcome.drive.path} (${outcome.drive.model}, ${formatBytes(outcome.drive.size)})`;
      if (outcome.error) return `${what}: ${outcome.status} — ${outcome.error.message}`;
      const how = outcome.writeMode
        ? ` (${WRITE_MODE_WORDS[outcome.writeMode]}${wiped(outcome.wipedSignatures)})`
        : '';
      return `${what}: ${outcome.status}${how}`;
    });
    lines.push(
      `Image ${result.image.path}: ${formatBytes(result.image.size)}, sha256 ${result.image.sha256 ?? 'unknown (the image could not be read to its end)'}`,
    );
    lines.push(`Audit report: ${report.id}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return success ? EXIT.ok : EXIT.failed;
}
