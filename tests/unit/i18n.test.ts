import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BuildErrorCodeSchema,
  describeBuildError as describeBuildErrorRecord,
} from '../../src/shared/diskImages/buildErrors';
import { REASON_SEVERITY, type ReasonCode } from '../../src/shared/drives/driveView';
import { FlashErrorCodeSchema, RefusalCodeSchema } from '../../src/shared/flash';
import { formatBytes } from '../../src/shared/format/formatBytes';
import { en, ko } from '../../src/shared/i18n/catalogue';
import {
  describeBuildError,
  describeDriveError,
  describeRefusal,
} from '../../src/shared/i18n/describeJobError';
import { describeReason } from '../../src/shared/i18n/describeReason';
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

  it('fill the same placeholders in both languages', () => {
    const english = leaves(en);
    const placeholders = (text: string) =>
      [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
    for (const [key, text] of Object.entries(leaves(ko))) {
      expect(placeholders(text), key).toEqual(placeholders(english[key] ?? ''));
    }
  });

  it('live in one folder, every section of it in the catalogue', () => {
    const folder = join(import.meta.dirname, '../../src/shared/i18n/words');
    const sections = readdirSync(folder).filter((name) => name !== 'bilingual.ts');
    const catalogue = readFileSync(join(folder, '../catalogue.ts'), 'utf8');
    for (const section of sections)
      expect(catalogue, section).toContain(`./words/${section.replace(/\.ts$/, '')}'`);
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

describe('errors reported by code, in each language', () => {
  it('every drive error, refusal and build error has words in both languages', () => {
    for (const catalogue of [en, ko]) {
      const translate = lookup(catalogue);
      for (const code of FlashErrorCodeSchema.options) {
        const text = describeDriveError({ code, message: 'English', offset: 7 }, '/dev/sdb', translate);
        expect(text, code).not.toMatch(/MISSING|\{\{/);
      }
      for (const code of RefusalCodeSchema.options) {
        const text = describeRefusal(
          { code, drive: '/dev/sdb', message: 'English', reasons: [{ code: 'system' }] },
          translate,
        );
        expect(text, code).not.toMatch(/MISSING|\{\{/);
      }
      for (const code of BuildErrorCodeSchema.options) {
        const { message, fix } = describeBuildError({ code, message: '', fix: '', detail: null }, translate);
        expect(`${message} ${fix}`, code).not.toMatch(/MISSING|\{\{/);
      }
    }
  });

  it("says where a verify found the first difference, and keeps the system's own words as evidence", () => {
    const korean = lookup(ko);
    expect(
      describeDriveError({ code: 'verifyMismatch', message: 'x', offset: 4096 }, '/dev/sdb', korean),
    ).toBe('/dev/sdb의 내용이 이미지와 다릅니다: 처음 다른 곳은 4096번째 바이트입니다.');
    expect(describeDriveError({ code: 'ioError', message: 'x', detail: 'EIO' }, '/dev/sdc', lookup(en))).toBe(
      '/dev/sdc failed while being written: the drive may be faulty. (EIO)',
    );
    expect(
      describeRefusal(
        { code: 'unsafeDrive', drive: '/dev/sda', message: 'x', reasons: [{ code: 'system', detail: '/' }] },
        korean,
        'ko',
      ),
    ).toMatch(/^\/dev\/sda에는 쓸 수 없습니다: .+\.$/);
  });

  it('says a build error in English exactly as the build record does', () => {
    const error = describeBuildErrorRecord('noSpaceLeft');
    expect(describeBuildError(error, lookup(en))).toEqual({ message: error.message, fix: error.fix });
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
