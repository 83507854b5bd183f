/** Longest line kept whole; osbuild's longest (a stage's options JSON) is spread over many lines. */
const DEFAULT_MAX_LINE_LENGTH = 64 * 1024;

/**
 * Turns the chunks of one output stream into lines, whatever the chunk boundaries: a line may
 * arrive in several chunks, and a multibyte UTF-8 character (osbuild's `⏱`) may be cut between
 * two. Lines end at `\n` (a `\r\n` ending is removed).
 *
 * Memory stays bounded without a newline in sight: text that a carriage return has overwritten
 * (a progress bar redrawing itself) is dropped as soon as the overwrite arrives, and a line longer
 * than `maxLineLength` is handed on in pieces. Feed it either bytes or strings, not both.
 */
export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8');
  private pending = '';

  constructor(private readonly maxLineLength = DEFAULT_MAX_LINE_LENGTH) {}

  /** The lines completed by this chunk, without their endings. */
  push(chunk: Uint8Array | string): string[] {
    const text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    const parts = (this.pending + text).split('\n');
    this.pending = parts.pop() ?? '';
    const lines = parts.map(dropOverwrittenText);
    this.pending = dropOverwrittenPrefix(this.pending);
    while (this.pending.length > this.maxLineLength) {
      const cut = safeCut(this.pending, this.maxLineLength);
      lines.push(this.pending.slice(0, cut));
      this.pending = this.pending.slice(cut);
    }
    return lines;
  }

  /** Whatever is left once the stream has ended: a last line without a newline, if any. */
  end(): string[] {
    const rest = this.pending + this.decoder.decode();
    this.pending = '';
    return rest === '' ? [] : [dropOverwrittenText(rest)];
  }
}

/** A complete line: what is left after its last carriage return, its `\r\n` ending removed. */
function dropOverwrittenText(line: string): string {
  const body = line.endsWith('\r') ? line.slice(0, -1) : line;
  const lastReturn = body.lastIndexOf('\r');
  return lastReturn === -1 ? body : body.slice(lastReturn + 1);
}

/**
 * An unfinished line: drop text before a carriage return that something already follows. A
 * final `\r` stays, since the next chunk may start with the `\n` of a `\r\n`.
 */
function dropOverwrittenPrefix(pending: string): string {
  if (pending.length < 2) return pending;
  const lastReturn = pending.lastIndexOf('\r', pending.length - 2);
  return lastReturn === -1 ? pending : pending.slice(lastReturn + 1);
}

/** A cut position that does not split a UTF-16 surrogate pair. */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}
