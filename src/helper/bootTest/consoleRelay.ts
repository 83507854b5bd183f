import type { BootConsoleChunk } from '../../shared/driveBootTest';

/** Console text per event: a guest can print without end, an event line stays small. */
const CHUNK_CHARS = 4096;

/**
 * Passes a boot test's console on to the caller without ever queueing it without bound: while
 * the caller's side is congested the text is dropped and counted, and the next piece that goes
 * out says how much was left out. The helper keeps the decisive lines itself (ConsoleWatch).
 */
export function createConsoleRelay(
  jobId: string,
  drive: string,
  out: { send(chunk: BootConsoleChunk): void; congested(): boolean },
): (text: string) => void {
  let dropped = 0;
  return (text) => {
    if (out.congested()) {
      dropped += text.length;
      return;
    }
    const note = dropped > 0 ? `\n[${dropped} characters of console output not shown]\n` : '';
    dropped = 0;
    const all = note + text;
    for (let start = 0; start < all.length; start += CHUNK_CHARS) {
      out.send({ jobId, drive, text: all.slice(start, start + CHUNK_CHARS) });
    }
  };
}
