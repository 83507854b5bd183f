import type { ProblemPath } from '../../shared/blueprint/problem';

/** Maps a key path to the 1-based line where it is written in a TOML or JSON file. */
export type LocatePath = (path: ProblemPath) => number;

export const pathKey = (path: ProblemPath): string => JSON.stringify(path);

/**
 * The line of the deepest part of the path that exists in the source: a problem about a missing
 * key points at the table that lacks it, a problem about a list item written inline points at
 * the list. Falls back to line 1.
 */
export function locatorFrom(lines: ReadonlyMap<string, number>, prefix: ProblemPath = []): LocatePath {
  return (path) => {
    for (let end = path.length; end >= 0; end--) {
      const line = lines.get(pathKey([...prefix, ...path.slice(0, end)]));
      if (line !== undefined) return line;
    }
    return 1;
  };
}

/** A function giving the 1-based line of a UTF-16 offset in the text (binary search over line starts). */
export function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1))
    starts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}
