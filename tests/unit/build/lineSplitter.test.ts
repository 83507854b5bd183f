import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../../src/core/diskImages/bibOutput/lineSplitter';
import { cleanTerminalLine } from '../../../src/core/diskImages/bibOutput/terminalText';

const bytes = (text: string) => new TextEncoder().encode(text);

/** Feeds `chunks` and returns every line, the end-of-stream remainder included. */
function splitAll(chunks: (Uint8Array | string)[], splitter = new LineSplitter()): string[] {
  return [...chunks.flatMap((chunk) => splitter.push(chunk)), ...splitter.end()];
}

describe('LineSplitter', () => {
  const text = 'Pipeline build: ab\n⏱  Duration: 12s\nmanifest - finished successfully\n';

  it('gives the same lines wherever the chunks are cut, inside lines and inside ⏱', () => {
    const encoded = bytes(text); // ⏱ is three bytes in UTF-8: e2 8f b1
    for (let cut = 1; cut < encoded.length; cut++) {
      expect(splitAll([encoded.slice(0, cut), encoded.slice(cut)])).toEqual([
        'Pipeline build: ab',
        '⏱  Duration: 12s',
        'manifest - finished successfully',
      ]);
    }
    // One byte at a time, so both cuts inside the three-byte ⏱ are exercised.
    const single = [...encoded].map((byte) => Uint8Array.of(byte));
    expect(splitAll(single)[1]).toBe('⏱  Duration: 12s');
  });

  it('keeps a last line without a newline for the end of the stream', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('Build complete!\nResults saved in .')).toEqual(['Build complete!']);
    expect(splitter.end()).toEqual(['Results saved in .']);
    expect(splitter.end()).toEqual([]);
  });

  it('removes \\r\\n endings even when \\r and \\n arrive in different chunks', () => {
    expect(splitAll(['Usage:\r', '\n  bootc-image-builder\r\n'])).toEqual([
      'Usage:',
      '  bootc-image-builder',
    ]);
  });

  it('keeps only what a progress bar left on screen after redrawing with \\r', () => {
    expect(splitAll(['10.00 MiB\r20.00 MiB\r', '30.00 MiB\rDeleted S3 object x\n'])).toEqual([
      'Deleted S3 object x',
    ]);
  });

  it('keeps memory bounded: overwritten text is dropped before the line ends', () => {
    const splitter = new LineSplitter(100);
    for (let step = 0; step < 1000; step++) expect(splitter.push(`\r${'='.repeat(50)} ${step}%`)).toEqual([]);
    expect(splitter.push('\n')).toEqual([`${'='.repeat(50)} 999%`]);
  });

  it('hands on an endless line in pieces of the maximum length', () => {
    const splitter = new LineSplitter(10);
    expect(splitter.push('a'.repeat(25))).toEqual(['a'.repeat(10), 'a'.repeat(10)]);
    expect(splitter.end()).toEqual(['a'.repeat(5)]);
  });

  it('replaces bytes that are not UTF-8 instead of failing', () => {
    expect(splitAll([Uint8Array.of(0x66, 0xff, 0x0a)])).toEqual(['f\uFFFD']);
  });
});

describe('cleanTerminalLine', () => {
  it('drops colours, cursor moves and overwritten text, and trailing blanks', () => {
    expect(cleanTerminalLine('\u001b[0m\u001b[1m\u001b[31mFailed\u001b[0m  ')).toBe('Failed');
    expect(cleanTerminalLine('\u001b[2K[|] Manifest generation step\u001b[1A')).toBe(
      '[|] Manifest generation step',
    );
    expect(cleanTerminalLine('old text\rnew text\r')).toBe('new text');
    expect(cleanTerminalLine('\u001b]8;;https://x\u0007link\u001b]8;;\u0007')).toBe('link');
  });
});
