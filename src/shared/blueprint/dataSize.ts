/**
 * Size strings as osbuild/images v0.251.0 `pkg/datasizes` parses them (the version bib pins):
 * a whole number, optional spaces, then one of kB KiB MB MiB GB GiB TB TiB (case-sensitive), or
 * a bare number of bytes. "10 GiB", "10GiB" and " 123 " are fine; "10 gib", "10G", "1.5 GiB",
 * "123 KB" and "-1" are refused by bib, so they are refused here.
 */
const UNIT_BYTES: Readonly<Record<string, number>> = {
  kB: 1000,
  KiB: 1024,
  MB: 1000 ** 2,
  MiB: 1024 ** 2,
  GB: 1000 ** 3,
  GiB: 1024 ** 3,
  TB: 1000 ** 4,
  TiB: 1024 ** 4,
};

// Go's regexp \s is [\t\n\f\r ] and \d is ASCII only.
const SIZE = /^([0-9]+)[\t\n\f\r ]*(kB|KiB|MB|MiB|GB|GiB|TB|TiB)?$/;
// Go's strings.TrimSpace trims Unicode White_Space.
const EDGE_SPACE = /^\p{White_Space}+|\p{White_Space}+$/gu;

/** Why a size is refused: `message` is the English; `reason` names its words in the catalogue (rules.size). */
export type DataSizeReason = 'noNumber' | 'notUnderstood' | 'tooLarge';
export type DataSizeResult =
  | { ok: true; bytes: number }
  | { ok: false; reason: DataSizeReason; message: string };

export function parseDataSize(sizeText: string): DataSizeResult {
  const trimmed = sizeText.replace(EDGE_SPACE, '');
  if (!/[0-9]/.test(trimmed)) {
    return {
      ok: false,
      reason: 'noNumber',
      message: 'has no number in it; write it like "10 GiB" or "500 MiB"',
    };
  }
  const match = SIZE.exec(trimmed);
  if (!match) {
    return {
      ok: false,
      reason: 'notUnderstood',
      message:
        'is not a size bib understands: write a whole number followed by kB, KiB, MB, MiB, GB, GiB, TB or TiB ' +
        '(exactly so, e.g. "10 GiB"; "10 gib", "10G" and "1.5 GiB" are refused), or a number of bytes',
    };
  }
  const bytes = Number(match[1]) * (match[2] ? (UNIT_BYTES[match[2]] ?? 1) : 1);
  if (!Number.isSafeInteger(bytes)) return { ok: false, reason: 'tooLarge', message: 'is far too large' };
  return { ok: true, bytes };
}
