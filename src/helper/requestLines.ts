/** The longest request line the helper reads; a blueprint with many SSH keys is a few hundred KiB. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/**
 * Splits the helper's stdin into request lines without ever holding more than one bounded line:
 * a line longer than MAX_REQUEST_BYTES is dropped as it arrives (up to its newline) and reported
 * once through `onTooLong`, so a caller cannot grow the root process's memory by never sending a
 * newline.
 */
export function readRequestLines(
  input: NodeJS.ReadableStream,
  handlers: { onLine(line: string): void; onTooLong(): void; onClose(): void },
): void {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let discarding = false;
  input.on('data', (chunk: Buffer) => {
    let start = 0;
    for (let newline = chunk.indexOf(10, start); newline !== -1; newline = chunk.indexOf(10, start)) {
      if (!discarding) {
        pending.push(chunk.subarray(start, newline));
        handlers.onLine(Buffer.concat(pending).toString('utf8'));
      }
      pending = [];
      pendingBytes = 0;
      discarding = false;
      start = newline + 1;
    }
    if (discarding || start >= chunk.length) return;
    pending.push(chunk.subarray(start));
    pendingBytes += chunk.length - start;
    if (pendingBytes > MAX_REQUEST_BYTES) {
      pending = [];
      pendingBytes = 0;
      discarding = true;
      handlers.onTooLong();
    }
  });
  input.on('end', handlers.onClose);
  input.on('close', handlers.onClose);
}
