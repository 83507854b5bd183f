/** Finding text in a build log, as the log view's search box does: case-insensitive, literal. */

export interface LogSearchResult {
  /** Every occurrence, over all lines. */
  count: number;
  /** Indexes of the lines holding at least one. */
  lines: number[];
}

/** A piece of a line, marked when it is an occurrence of the query. */
export interface LogSegment {
  text: string;
  match: boolean;
}

/**
 * Splits a line into plain and matching pieces. Case is folded per UTF-16 unit with
 * toLowerCase only where that keeps the length (ASCII and most scripts), so indexes stay valid.
 */
export function segmentsOf(line: string, query: string): LogSegment[] {
  if (query === '') return [{ text: line, match: false }];
  const haystack = foldCase(line);
  const needle = foldCase(query);
  const segments: LogSegment[] = [];
  let from = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
    if (at > from) segments.push({ text: line.slice(from, at), match: false });
    segments.push({ text: line.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < line.length || segments.length === 0) segments.push({ text: line.slice(from), match: false });
  return segments;
}

export function searchLog(lines: readonly string[], query: string): LogSearchResult {
  const result: LogSearchResult = { count: 0, lines: [] };
  if (query === '') return result;
  lines.forEach((line, index) => {
    const found = segmentsOf(line, query).filter((segment) => segment.match).length;
    if (found > 0) {
      result.count += found;
      result.lines.push(index);
    }
  });
  return result;
}

/** Lower case, character by character, keeping any character whose lower case has another length. */
function foldCase(text: string): string {
  let folded = '';
  for (const unit of text) {
    const lower = unit.toLowerCase();
    folded += lower.length === unit.length ? lower : unit;
  }
  return folded;
}
