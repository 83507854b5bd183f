import { describe, expect, it } from 'vitest';
import { parseStationLayout, stationLayoutText } from '../../../src/shared/station/stationLayout';

describe('a station layout file read back', () => {
  const layout = { name: 'bench', slots: [{ port: 'pci-0000:00:14.0-usb-0:2.3', name: 'hub A, 3' }] };

  it('reads what was saved, exactly', () => {
    expect(parseStationLayout(stationLayoutText(layout))).toEqual({ ok: true, layout });
  });

  it.each([
    ['text that is not JSON', '{"name": ', 'it is not JSON'],
    ['a layout with no ports', JSON.stringify({ name: 'x', slots: [] }), 'slots'],
    ['a port without a name', JSON.stringify({ name: 'x', slots: [{ port: 'p' }] }), 'name'],
    [
      'a port named twice',
      JSON.stringify({
        name: 'x',
        slots: [
          { port: 'p', name: 'a' },
          { port: 'p', name: 'b' },
        ],
      }),
      'the port p is in it twice',
    ],
  ])('refuses %s, saying what is wrong', (_, text, words) => {
    const parsed = parseStationLayout(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.problem).toContain(words);
  });
});
