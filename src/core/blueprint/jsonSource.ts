import type { ProblemPath } from '../../shared/blueprint/problem';
import { lineFinder, pathKey } from './sourceLocator';

export type JsonSource =
  | { ok: true; value: unknown; lines: Map<string, number> }
  | { ok: false; message: string; line: number; column: number };

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/**
 * A strict JSON (RFC 8259) reader that also remembers the line of every key and list item, so a
 * problem found later can name its line. JSON.parse cannot do that, and its syntax errors carry no
 * position in every case. Messages never quote the text (it may hold a password).
 */
export function parseJsonSource(text: string): JsonSource {
  const offsets = new Map<string, number>();
  let index = 0;

  const skipWhitespace = () => {
    while (index < text.length && WHITESPACE.has(text[index] as string)) index++;
  };
  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, index);
  };
  // JSON.stringify: a control character found in the text is shown escaped, never sent to the terminal.
  const found = () => (index >= text.length ? 'the end of the file' : JSON.stringify(text[index]));

  function readString(): string {
    const start = index;
    index++;
    while (index < text.length && text[index] !== '"') {
      const code = text.charCodeAt(index);
      if (code < 0x20) fail('Line break or control character inside a string: write it as \\n or \\u00XX');
      if (text[index] === '\\') {
        const escaped = text[index + 1] ?? '';
        if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) fail('Bad \\u escape in a string');
          index += 6;
        } else if (escaped !== '' && '"\\/bfnrt'.includes(escaped)) {
          index += 2;
        } else {
          fail('Unknown escape in a string (use \\\\ for a backslash)');
        }
      } else {
        index++;
      }
    }
    if (index >= text.length) {
      index = start;
      fail('A string is not closed: a double quote is missing');
    }
    index++;
    return JSON.parse(text.slice(start, index)) as string;
  }

  function readObject(path: ProblemPath): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    index++;
    skipWhitespace();
    if (text[index] === '}') {
      index++;
      return object;
    }
    for (;;) {
      skipWhitespace();
      if (text[index] !== '"') fail(`Expected a key in double quotes but found ${found()}`);
      const keyOffset = index;
      const key = readString();
      offsets.set(pathKey([...path, key]), keyOffset);
      skipWhitespace();
      if (text[index] !== ':') fail(`Expected ":" after a key but found ${found()}`);
      index++;
      // defineProperty: a key named __proto__ stays an ordinary (and, for the schema, unknown) key.
      Object.defineProperty(object, key, {
        value: readValue([...path, key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      skipWhitespace();
      if (text[index] === ',') {
        index++;
        skipWhitespace();
        if (text[index] === '}') fail('A comma before "}" is not allowed in JSON');
        continue;
      }
      if (text[index] === '}') {
        index++;
        return object;
      }
      fail(`Expected "," or "}" but found ${found()}`);
    }
  }

  function readArray(path: ProblemPath): unknown[] {
    const array: unknown[] = [];
    index++;
    skipWhitespace();
    if (text[index] === ']') {
      index++;
      return array;
    }
    for (;;) {
      array.push(readValue([...path, array.length]));
      skipWhitespace();
      if (text[index] === ',') {
        index++;
        skipWhitespace();
        if (text[index] === ']') fail('A comma before "]" is not allowed in JSON');
        continue;
      }
      if (text[index] === ']') {
        index++;
        return array;
      }
      fail(`Expected "," or "]" but found ${found()}`);
    }
  }

  function readValue(path: ProblemPath): unknown {
    skipWhitespace();
    if (!offsets.has(pathKey(path))) offsets.set(pathKey(path), index);
    const char = text[index];
    if (char === '{') return readObject(path);
    if (char === '[') return readArray(path);
    if (char === '"') return readString();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, index)) {
        index += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = index;
    const number = NUMBER.exec(text);
    if (number) {
      index += number[0].length;
      return Number(number[0]);
    }
    return fail(`Expected a value but found ${found()}`);
  }

  try {
    if (text.charCodeAt(0) === 0xfeff) fail('The file starts with a byte-order mark, which bib refuses');
    const value = readValue([]);
    skipWhitespace();
    if (index < text.length) fail(`Unexpected ${found()} after the end of the JSON value`);
    const lineAt = lineFinder(text);
    const lines = new Map([...offsets].map(([key, offset]) => [key, lineAt(offset)]));
    return { ok: true, value, lines };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const line = lineFinder(text)(error.offset);
    const column = error.offset - (text.lastIndexOf('\n', error.offset - 1) + 1) + 1;
    return { ok: false, message: error.message, line, column };
  }
}
