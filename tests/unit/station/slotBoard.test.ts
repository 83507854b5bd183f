import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { batchCsv, batchRowOf } from '../../../src/core/station/batchReport';
import { createSlotBoard } from '../../../src/core/station/slotBoard';
import type { SlotView } from '../../../src/shared/station/stationSlots';

const MiB = 1024 * 1024;
const ONE = { port: 'pci-0000:00:14.0-usb-0:1', name: 'hub A, 1' };
const TWO = { port: 'pci-0000:00:14.0-usb-0:2', name: 'hub A, 2' };
const SLOTS = [ONE, TWO];

function board(target: number | null = null, stallAfterMs = 20_000) {
  const announced: SlotView[] = [];
  return { board: createSlotBoard(SLOTS, target, stallAfterMs, (view) => announced.push(view)), announced };
}

describe('the slot grid', () => {
  it('starts every armed slot waiting, and counts what ends', () => {
    const { board: grid } = board(5);
    expect(grid.views().map((view) => view.phase)).toEqual(['waiting', 'waiting']);
    grid.writing(ONE.port, '/dev/sdb');
    grid.writing(TWO.port, '/dev/sdc');
    expect(grid.counters()).toMatchObject({ inProgress: 2, done: 0, target: 5 });
    grid.done(ONE.port);
    grid.failed(TWO.port, '/dev/sdc was unplugged.');
    expect(grid.counters()).toEqual({ done: 1, failed: 1, refused: 0, inProgress: 0, target: 5 });
    expect(grid.view(TWO.port)).toMatchObject({ phase: 'failed', error: '/dev/sdc was unplugged.' });
  });

  it('flags a write under 1 MiB/s slow, and a slot with no progress for the stall time stalled', () => {
    const { board: grid, announced } = board(null, 20_000);
    const port = ONE.port;
    grid.writing(port, '/dev/sdb');
    grid.progress(port, 'writing', 4 * MiB, 64 * MiB, 512 * 1024);
    expect(grid.view(port)).toMatchObject({ slow: true, stalled: false });
    grid.checkStalls(Date.now() + 19_000);
    expect(grid.view(port)?.stalled).toBe(false);
    grid.checkStalls(Date.now() + 20_500);
    expect(grid.view(port)?.stalled).toBe(true);
    // The same bytes again are no progress; more bytes are, and clear the flag.
    grid.progress(port, 'writing', 8 * MiB, 64 * MiB, 4 * MiB);
    expect(grid.view(port)).toMatchObject({ stalled: false, slow: false, bytes: 8 * MiB });
    expect(announced.some((view) => view.stalled)).toBe(true);
  });

  it('never flags a slot that is not writing or verifying', () => {
    const { board: grid } = board(null, 10);
    grid.refused(ONE.port, '/dev/sdb', [{ code: 'mounted', detail: '/media/x' }]);
    grid.checkStalls(Date.now() + 60_000);
    expect(grid.views().every((view) => !view.stalled)).toBe(true);
  });

  it('frees a slot for the next stick when one is pulled', () => {
    const { board: grid } = board();
    const port = ONE.port;
    grid.writing(port, '/dev/sdb');
    grid.done(port);
    grid.waiting(port);
    expect(grid.view(port)).toMatchObject({ phase: 'waiting', drive: null, name: 'hub A, 1' });
  });
});

describe('the batch report', () => {
  const outcome = {
    drive: { path: '/dev/sdb', model: '=HYPERLINK("x")', serial: 'ABC123', size: 8 * 1024 * MiB, bus: 'USB' },
    status: 'verified' as const,
    startedAt: '2026-12-02T10:00:00.000Z',
    endedAt: '2026-12-02T10:00:04.000Z',
    bytesWritten: 400 * MiB,
    verified: true,
    error: null,
    writeMode: 'holesZeroed' as const,
    wipedSignatures: [],
  };
  const result = {
    image: { path: '/img.raw', size: 400 * MiB, sha256: 'a'.repeat(64) },
    drives: [outcome],
  } as never;

  it('lists slot, drive, image SHA-256, verify result, times and speed, formulas defused', () => {
    const row = batchRowOf({ slot: ONE, result, outcome, error: null });
    expect(row).toMatchObject({
      slot: 'hub A, 1',
      serial: 'ABC123',
      imageSha256: 'a'.repeat(64),
      result: 'verified',
      verified: true,
      bytesPerSecond: 100 * MiB,
      bootTest: 'notRun',
    });
    const [parsed] = parse(batchCsv([row]), { columns: true }) as Record<string, string>[];
    expect(parsed?.model).toBe(`'=HYPERLINK("x")`);
    expect(parsed?.verified).toBe('true');
  });

  it('says refused for a stick the helper refused before writing', () => {
    const row = batchRowOf({
      slot: TWO,
      result: null,
      outcome: null,
      error: 'Refused: /dev/sdc is a partition.',
    });
    expect(row).toMatchObject({
      result: 'refused',
      drive: null,
      bytesPerSecond: null,
      error: expect.stringContaining('partition'),
    });
  });
});
