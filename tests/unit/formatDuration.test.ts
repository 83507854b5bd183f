import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../src/shared/format/formatDuration';

describe('a duration as a clock shows it', () => {
  it('shows minutes and seconds, hours when there are any', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(7_900)).toBe('0:07');
    expect(formatDuration(754_000)).toBe('12:34');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });

  it('never shows a negative time (clocks differ a little)', () => {
    expect(formatDuration(-500)).toBe('0:00');
  });
});
