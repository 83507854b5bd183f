import { describe, expect, it } from 'vitest';
import { searchLog, segmentsOf } from '../../../src/shared/diskImages/logSearch';

const LOG = [
  'Generating manifest manifest-raw.json',
  'org.osbuild.selinux: 1f2e {',
  'Building manifest-raw.json',
  'Build complete!',
];

describe('searching the build log', () => {
  it('counts every occurrence, case-insensitively, and names the lines holding one', () => {
    expect(searchLog(LOG, 'MANIFEST')).toEqual({ count: 3, lines: [0, 2] });
    expect(searchLog(LOG, 'build')).toEqual({ count: 3, lines: [1, 2, 3] });
  });

  it('finds nothing for an empty query or text that is not there', () => {
    expect(searchLog(LOG, '')).toEqual({ count: 0, lines: [] });
    expect(searchLog(LOG, 'ostree')).toEqual({ count: 0, lines: [] });
  });

  it('takes the query literally, not as a pattern', () => {
    expect(searchLog(LOG, '.json').count).toBe(2);
    expect(searchLog(LOG, '(').count).toBe(0);
    expect(searchLog(['a+b', 'aab'], 'a+b').count).toBe(1);
  });

  it('splits a line into marked and plain pieces that join back to the line', () => {
    const segments = segmentsOf('Building manifest-raw.json', 'MANIFEST');
    expect(segments).toEqual([
      { text: 'Building ', match: false },
      { text: 'manifest', match: true },
      { text: '-raw.json', match: false },
    ]);
    expect(segmentsOf('aaaa', 'aa').filter((segment) => segment.match)).toHaveLength(2);
    expect(segmentsOf('', 'x')).toEqual([{ text: '', match: false }]);
    for (const line of LOG) {
      expect(
        segmentsOf(line, 'o')
          .map((segment) => segment.text)
          .join(''),
      ).toBe(line);
    }
  });

  it('keeps positions right for characters whose lower case is longer', () => {
    // "İ" lowers to two UTF-16 units; the match after it must still be cut in the right place.
    const segments = segmentsOf('İstanbul error', 'error');
    expect(segments.find((segment) => segment.match)?.text).toBe('error');
  });
});
