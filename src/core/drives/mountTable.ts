/** One line of /proc/self/mountinfo, reduced to what drive safety needs. */
export interface MountEntry {
  /** The kernel device number of the mounted filesystem, "major:minor". */
  majMin: string;
  mountpoint: string;
  source: string;
}

/** mountinfo escapes space, tab, newline and backslash as three octal digits. */
function unescapeOctal(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
}

/** Parses /proc/self/mountinfo (see proc(5)): the fields before " - " then fstype and source. */
export function parseMountinfo(text: string): MountEntry[] {
  const entries: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const [before, after] = line.split(' - ');
    if (!before || !after) continue;
    const fields = before.split(' ');
    const majMin = fields[2];
    const mountpoint = fields[4];
    const source = after.split(' ')[1];
    if (!majMin || !mountpoint || source === undefined) continue;
    entries.push({ majMin, mountpoint: unescapeOctal(mountpoint), source: unescapeOctal(source) });
  }
  return entries;
}

/** Parses /proc/swaps: the first column of every line after the header. */
export function parseSwaps(text: string): string[] {
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.split(/\s+/)[0] ?? '')
    .filter((path) => path.length > 0)
    .map(unescapeOctal);
}
