import { describe, expect, it } from 'vitest';
import {
  addSample,
  driveTempo,
  MAX_SAMPLES,
  type SpeedSample,
  STALL_AFTER_MS,
  sparklinePoints,
} from '../../../src/shared/drives/driveTempo';
import type { DriveProgress } from '../../../src/shared/flash';

const progress = (
  bytes: number,
  speed: number | null,
  phase: DriveProgress['phase'] = 'writing',
): DriveProgress => ({
  jobId: 'job',
  drive: '/dev/sdz',
  phase,
  bytes,
  total: 100_000_000,
  speed,
  eta: null,
});

const samplesOf = (...entries: Array<[at: number, bytes: number, speed: number | null]>): SpeedSample[] =>
  entries.reduce<SpeedSample[]>(
    (samples, [at, bytes, speed]) => addSample(samples, progress(bytes, speed), at),
    [],
  );

describe('a drive’s progress over time', () => {
  it('keeps each change once, and at most the last MAX_SAMPLES', () => {
    const once = addSample([], progress(10, 5), 0);
    expect(addSample(once, progress(10, 5), 100)).toBe(once);
    let many: SpeedSample[] = [];
    for (let index = 0; index < MAX_SAMPLES + 10; index += 1)
      many = addSample(many, progress(index, 5), index);
    expect(many).toHaveLength(MAX_SAMPLES);
    expect(many[0]?.bytes).toBe(10);
  });

  it('calls a drive stalled after 20 s without a byte, slow under 1 MB/s, and normal otherwise', () => {
    const moving = samplesOf([0, 0, 30_000_000], [1_000, 30_000_000, 30_000_000]);
    expect(driveTempo(moving, 2_000)).toBe('normal');
    expect(driveTempo(moving, 1_000 + STALL_AFTER_MS)).toBe('stalled');
    expect(driveTempo(samplesOf([0, 0, 500_000], [1_000, 500_000, 500_000]), 1_500)).toBe('slow');
  });

  it('judges only a drive that is writing or verifying', () => {
    const done = addSample([], progress(100_000_000, null, 'done'), 0);
    expect(driveTempo(done, 10 * STALL_AFTER_MS)).toBe('normal');
    expect(driveTempo([], 0)).toBe('normal');
  });

  it('draws the speeds across the width, the fastest at the top', () => {
    const line = sparklinePoints(samplesOf([0, 0, 10], [500, 1, 20], [1_000, 2, 5]), 100, 20);
    expect(line).toBe('0.0,10.0 50.0,0.0 100.0,15.0');
    expect(sparklinePoints(samplesOf([0, 0, 10]), 100, 20)).toBe('');
  });
});
