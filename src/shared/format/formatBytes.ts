const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/**
 * Sizes in decimal units, as drive makers print them on the stick ("16 GB" means 16e9 bytes),
 * so the size a person reads on screen matches the label in their hand.
 */
export function formatBytes(bytes: number | null, locale = 'en'): string {
  if (bytes === null || !Number.isFinite(bytes)) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const number = new Intl.NumberFormat(locale, {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
  return `${number.format(value)} ${UNITS[unit]}`;
}
