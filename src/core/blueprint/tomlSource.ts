import type { ProblemPath } from '../../shared/blueprint/problem';
import { pathKey } from './sourceLocator';

interface ValueState {
  /** Inside a multi-line string opened on an earlier line. */
  multiline: '"""' | "'''" | null;
  /** Open [ and { of a value spread over several lines. */
  depth: number;
}

const BARE_KEY = /[A-Za-z0-9_-]+/y;

/** End (exclusive) of a basic string whose content starts at `from`; honours backslash escapes. */
function skipBasicString(line: string, from: number): number {
  for (let index = from; index < line.length; index++) {
    if (line[index] === '\\') index++;
    else if (line[index] === '"') return index + 1;
  }
  return line.length;
}

function findMultilineEnd(line: string, from: number, delimiter: '"""' | "'''"): number {
  for (let index = line.indexOf(delimiter, from); index !== -1; index = line.indexOf(delimiter, index + 1)) {
    let backslashes = 0;
    while (delimiter === '"""' && line[index - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) return index + 3;
  }
  return -1;
}

/** Follows strings and brackets of a value so the next key line is found after it ends. */
function scanValue(line: string, from: number, state: ValueState): ValueState {
  let { multiline, depth } = state;
  let index = from;
  while (index < line.length) {
    if (multiline) {
      const end = findMultilineEnd(line, index, multiline);
      if (end < 0) return { multiline, depth };
      index = end;
      multiline = null;
      continue;
    }
    const char = line[index];
    if (line.startsWith('"""', index) || line.startsWith("'''", index)) {
      multiline = line.startsWith('"""', index) ? '"""' : "'''";
      index += 3;
    } else if (char === '"') index = skipBasicString(line, index + 1);
    else if (char === "'")
      index = line.indexOf("'", index + 1) < 0 ? line.length : line.indexOf("'", index + 1) + 1;
    else if (char === '#') break;
    else {
      if (char === '[' || char === '{') depth++;
      else if (char === ']' || char === '}') depth--;
      index++;
    }
  }
  return { multiline, depth };
}

/** A dotted key such as `customizations.user` or `"sudo-nopasswd"`; null when none is there. */
function readKeyPath(line: string, from: number): { keys: string[]; end: number } | null {
  const keys: string[] = [];
  let index = from;
  for (;;) {
    while (line[index] === ' ' || line[index] === '\t') index++;
    if (line[index] === '"') {
      const end = skipBasicString(line, index + 1);
      const raw = line.slice(index, end);
      try {
        keys.push(JSON.parse(raw) as string);
      } catch {
        keys.push(raw.slice(1, -1));
      }
      index = end;
    } else if (line[index] === "'") {
      const end = line.indexOf("'", index + 1);
      if (end < 0) return null;
      keys.push(line.slice(index + 1, end));
      index = end + 1;
    } else {
      BARE_KEY.lastIndex = index;
      const bare = BARE_KEY.exec(line);
      if (!bare) return null;
      keys.push(bare[0]);
      index += bare[0].length;
    }
    while (line[index] === ' ' || line[index] === '\t') index++;
    if (line[index] !== '.') return { keys, end: index };
    index++;
  }
}

/**
 * Best-effort map from key paths (with list indexes, as the schema reports them) to the 1-based
 * line they are written on, for a TOML document that already parsed. Tables, arrays of tables
 * (nested ones counted per parent), dotted keys, inline values and multi-line strings and arrays
 * are followed; an item inside an inline list maps to the list's line.
 */
export function locateTomlKeys(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const arrayIndexes = new Map<string, number>();
  const record = (path: ProblemPath, line: number) => {
    for (let end = 1; end <= path.length; end++) {
      const key = pathKey(path.slice(0, end));
      if (!lines.has(key)) lines.set(key, line);
    }
  };
  /** Header keys to a path: a key naming an array of tables means its latest entry. */
  const resolve = (keys: readonly string[]): ProblemPath => {
    const path: ProblemPath = [];
    for (const key of keys) {
      path.push(key);
      const index = arrayIndexes.get(pathKey(path));
      if (index !== undefined) path.push(index);
    }
    return path;
  };

  let table: ProblemPath = [];
  let state: ValueState = { multiline: null, depth: 0 };
  text.split('\n').forEach((rawLine, lineIndex) => {
    const lineNumber = lineIndex + 1;
    const line = rawLine.replace(/\r$/, '');
    if (state.multiline || state.depth > 0) {
      state = scanValue(line, 0, state);
      return;
    }
    const start = line.length - line.trimStart().length;
    if (line[start] === '[') {
      const arrayOfTables = line[start + 1] === '[';
      const header = readKeyPath(line, start + (arrayOfTables ? 2 : 1));
      if (!header || header.keys.length === 0) return;
      if (arrayOfTables) {
        const base = [...resolve(header.keys.slice(0, -1)), header.keys[header.keys.length - 1] as string];
        const next = (arrayIndexes.get(pathKey(base)) ?? -1) + 1;
        arrayIndexes.set(pathKey(base), next);
        table = [...base, next];
      } else {
        table = resolve(header.keys);
      }
      record(table, lineNumber);
      return;
    }
    if (start >= line.length || line[start] === '#') return;
    const key = readKeyPath(line, start);
    if (!key || line[key.end] !== '=') return;
    record([...table, ...key.keys], lineNumber);
    state = scanValue(line, key.end + 1, { multiline: null, depth: 0 });
  });
  return lines;
}
