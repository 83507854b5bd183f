import { cleanTerminalLine } from './terminalText';

/** bib's fatal record: `log.Fatalf("error: %s")` prints `YYYY/MM/DD HH:MM:SS error: <chain>`. */
const TIMESTAMPED_FATAL = /\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} error: (.*)$/;
/** The same message quoted without its timestamp (and bootc's own `error:` lines look alike). */
const BARE_FATAL = /^error: (.*)$/;
/** Where a multi-line fatal error ends: podman's own log lines, or another timestamped record. */
const NOT_CONTINUATION = /^(?:ERRO|WARN|INFO|DEBU)\[\d+\]|^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} /;
const MAX_CONTINUATION_LINES = 20;
const MAX_DETAIL_CHARS = 4000;

/** bib's fatal error text: the chain after `error: `, with the lines it continues on. */
export interface FatalError {
  text: string;
  /** Whether it carried bib's timestamp, i.e. surely came from bib rather than a tool it ran. */
  timestamped: boolean;
  /** Index of its first line. */
  line: number;
}

/** The end of a failed run's output, read as evidence. */
export class FailureEvidence {
  readonly lines: readonly string[];
  readonly fatal: FatalError | null;
  private readonly joined: string;

  constructor(rawLines: readonly string[]) {
    this.lines = rawLines.map(cleanTerminalLine);
    this.joined = this.lines.join('\n');
    this.fatal = findFatal(this.lines);
  }

  /** Whether the text shows `pattern`; patterns may span lines (reporters wrap long ones). */
  shows(pattern: RegExp): boolean {
    return pattern.test(this.joined);
  }

  /** Whether bib's fatal error says `pattern`. */
  fatalSays(pattern: RegExp): boolean {
    return this.fatal !== null && pattern.test(this.fatal.text);
  }

  /** The whole line(s) where `pattern` first shows, or null. */
  linesShowing(pattern: RegExp): string | null {
    const match = pattern.exec(this.joined);
    if (!match) return null;
    const start = this.joined.lastIndexOf('\n', match.index - 1) + 1;
    const end = this.joined.indexOf('\n', match.index + match[0].length);
    return limit(this.joined.slice(start, end === -1 ? undefined : end));
  }

  /** How many lines show `pattern`. */
  countLines(pattern: RegExp): number {
    return this.lines.filter((line) => pattern.test(line)).length;
  }

  /** bib's own words when they say `pattern`, else the line(s) showing it. */
  evidenceFor(pattern: RegExp): string | null {
    if (this.fatal && pattern.test(this.fatal.text)) return limit(this.fatal.text);
    return this.linesShowing(pattern);
  }

  /** The last `count` non-blank lines before bib's fatal record, then the record itself. */
  lastLines(count: number): string | null {
    const end = this.fatal?.timestamped ? this.fatal.line : this.lines.length;
    const before = this.lines.slice(0, end).filter((line) => line.trim() !== '');
    const shown = before.slice(-count);
    if (this.fatal?.timestamped) shown.push(`error: ${this.fatal.text}`);
    return shown.length === 0 ? null : limit(shown.join('\n'));
  }
}

function findFatal(lines: readonly string[]): FatalError | null {
  for (const [pattern, timestamped] of [
    [TIMESTAMPED_FATAL, true],
    [BARE_FATAL, false],
  ] as const) {
    for (let index = lines.length - 1; index >= 0; index--) {
      const match = pattern.exec(lines[index] ?? '');
      if (match) return { text: withContinuation(match[1] ?? '', lines, index), timestamped, line: index };
    }
  }
  return null;
}

/** Go joins wrapped errors with newlines, and the lines after the record carry no timestamp. */
function withContinuation(first: string, lines: readonly string[], index: number): string {
  const text = [first];
  for (const line of lines.slice(index + 1, index + 1 + MAX_CONTINUATION_LINES)) {
    if (NOT_CONTINUATION.test(line)) break;
    text.push(line);
  }
  while (text.length > 1 && text[text.length - 1]?.trim() === '') text.pop();
  return text.join('\n');
}

function limit(text: string): string {
  return text.length > MAX_DETAIL_CHARS ? `${text.slice(0, MAX_DETAIL_CHARS)}…` : text;
}
