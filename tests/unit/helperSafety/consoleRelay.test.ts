import { describe, expect, it } from 'vitest';
import { createConsoleRelay } from '../../../src/helper/bootTest/consoleRelay';
import type { BootConsoleChunk } from '../../../src/shared/driveBootTest';

describe('createConsoleRelay', () => {
  it('drops console text while the reader is congested, and says how much when it passes again', () => {
    const sent: BootConsoleChunk[] = [];
    let congested = false;
    const relay = createConsoleRelay('job-1', '/dev/sdz', {
      send: (chunk) => sent.push(chunk),
      congested: () => congested,
    });
    relay('first ');
    congested = true;
    relay('lost lost');
    congested = false;
    relay('back');
    expect(sent.map((chunk) => chunk.text).join('')).toBe(
      'first \n[9 characters of console output not shown]\nback',
    );
    expect(sent.every((chunk) => chunk.jobId === 'job-1' && chunk.drive === '/dev/sdz')).toBe(true);
  });

  it('cuts a flood into bounded events', () => {
    const sent: BootConsoleChunk[] = [];
    const relay = createConsoleRelay('job-1', '/dev/sdz', {
      send: (chunk) => sent.push(chunk),
      congested: () => false,
    });
    relay('x'.repeat(10_000));
    expect(sent.map((chunk) => chunk.text.length)).toEqual([4096, 4096, 1808]);
  });
});
