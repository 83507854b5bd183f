import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES, readRequestLines } from '../../../src/helper/requestLines';

function reader() {
  const input = new PassThrough();
  const lines: string[] = [];
  let tooLong = 0;
  readRequestLines(input, {
    onLine: (line) => lines.push(line),
    onTooLong: () => (tooLong += 1),
    onClose() {},
  });
  return { input, lines, tooLong: () => tooLong };
}

describe('the helper’s request lines', () => {
  it('are split at newlines whatever the chunks', async () => {
    const { input, lines } = reader();
    input.write('{"a":');
    input.write('1}\n{"b":2}\n{"c"');
    input.write(':3}\n');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });

  it('drop a line past the limit as it arrives, once, and go on with the next', async () => {
    const { input, lines, tooLong } = reader();
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    for (let index = 0; index <= MAX_REQUEST_BYTES / chunk.length + 2; index += 1) input.write(chunk);
    input.write('tail of the long one\n{"ok":true}\n');
    await new Promise((resolve) => setImmediate(resolve));
    expect(tooLong()).toBe(1);
    expect(lines).toEqual(['{"ok":true}']);
  });
});
