/** Which of podman's streams a line came from. */
export type OutputStream = 'stdout' | 'stderr';

// CSI (colours, cursor moves, erase line), OSC (titles, links) and the remaining two-byte
// escapes. osbuild colours "Failed" and its headers only on a tty, and bib's term mode redraws
// with these; removing them lets the same patterns match whatever mode produced the text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: escape sequences are what this removes
const ANSI_ESCAPE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-_]/g;

/**
 * One captured line as a person would read it on a terminal: escape sequences removed, text a
 * carriage return overwrote dropped (progress bars redraw with `\r`), trailing blanks trimmed.
 */
export function cleanTerminalLine(raw: string): string {
  const withoutEscapes = raw.replace(ANSI_ESCAPE, '');
  const withoutTrailingReturns = withoutEscapes.replace(/\r+$/, '');
  const lastReturn = withoutTrailingReturns.lastIndexOf('\r');
  const visible = lastReturn === -1 ? withoutTrailingReturns : withoutTrailingReturns.slice(lastReturn + 1);
  return visible.trimEnd();
}
