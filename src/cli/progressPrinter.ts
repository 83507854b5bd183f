import type { DriveProgress } from '../shared/flash';
import { formatBytes } from '../shared/format/formatBytes';

function line(progress: DriveProgress): string {
  const percent = progress.total > 0 ? Math.min(100, Math.floor((progress.bytes / progress.total) * 100)) : 0;
  const speed = progress.speed ? ` ${formatBytes(progress.speed)}/s` : '';
  const eta =
    progress.eta !== null && progress.eta !== undefined ? ` ~${Math.ceil(progress.eta)} s left` : '';
  return `${progress.drive}  ${progress.phase.padEnd(9)} ${String(percent).padStart(3)}%${speed}${eta}`;
}

/**
 * Shows progress on stderr: one line per drive redrawn in place on a terminal; elsewhere (a log,
 * a pipe) only when a drive changes phase, so logs stay readable.
 */
export function createProgressPrinter(stream: NodeJS.WriteStream = process.stderr) {
  const latest = new Map<string, DriveProgress>();
  let drawn = 0;
  return (progress: DriveProgress) => {
    const previous = latest.get(progress.drive);
    latest.set(progress.drive, progress);
    if (!stream.isTTY) {
      if (previous?.phase !== progress.phase) stream.write(`${line(progress)}\n`);
      return;
    }
    if (drawn > 0) stream.write(`\x1b[${drawn}A`);
    const lines = [...latest.values()].map(line);
    stream.write(`${lines.map((text) => `\x1b[2K${text}`).join('\n')}\n`);
    drawn = lines.length;
  };
}
