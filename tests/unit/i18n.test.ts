import { describe, expect, it } from 'vitest';
import { REASON_SEVERITY, type ReasonCode } from '../../src/shared/drives/driveView';
import { formatBytes } from '../../src/shared/format/formatBytes';
import { describeReason } from '../../src/shared/i18n/describeReason';
import { en } from '../../src/shared/i18n/en';
import { ko } from '../../src/shared/i18n/ko';
import { translateFrom } from '../../src/shared/i18n/translate';

function leafEntries(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[path, value]] : leafEntries(value, path);
  });
}

const leaves = (tree: object): Record<string, string> => Object.fromEntries(leafEntries(tree));

/** The shared translate over a catalogue, but a missing key shows as MISSING so tests catch it. */
const lookup = (catalogue: object) => {
  const translate = translateFrom(catalogue);
  return (key: string, values?: Record<string, string | number>) =>
    key in leaves(catalogue) ? translate(key, values) : `MISSING ${key}`;
};

describe('translations', () => {
  it('Korean has every English string, none left empty or in English', () => {
    const english = leaves(en);
    const korean = leaves(ko);
    expect(Object.keys(korean).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(korean)) {
      expect(text.trim(), key).not.toBe('');
      if (key !== 'app.name') expect(text, key).not.toBe(english[key]);
    }
  });

  it('every reason code has words in both languages', () => {
    for (const code of Object.keys(REASON_SEVERITY) as ReasonCode[]) {
      for (const catalogue of [en, ko]) {
        const text = describeReason({ code, detail: '1000000000' }, lookup(catalogue));
        expect(text, code).not.toMatch(/MISSING|\{\{/);
      }
    }
  });

  it('shows size details as sizes', () => {
    expect(describeReason({ code: 'tooSmall', detail: '8000000000' }, lookup(en))).toBe(
      'Too small for the selected image (8.0 GB needed)',
    );
  });
});

describe('formatBytes', () => {
  it.each([
    [null, '—'],
    [512, '512 B'],
    [30_752_636_928, '30.8 GB'],
    [256_060_514_304, '256 GB'],
    [2_000_365_289_472, '2.0 TB'],
  ])('%s → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
