import type { BuilderKind } from '../../../shared/blueprint/validationContext';

/** `build --help` did not print cobra's flag list. */
export class BibHelpParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BibHelpParseError';
  }
}

/** A section header of cobra's help template: `Flags:`, `Global Flags:`, `Usage:`, `Examples:`… */
const SECTION_HEADER = /^([A-Z][A-Za-z ]*):$/;
const FLAG_SECTIONS = new Set(['Flags', 'Global Flags']);
/**
 * pflag prints a flag as `  -v, --verbose` or, without a shorthand, `      --type stringArray`:
 * the `--` always starts in column 6. A description that wraps onto the next line is indented to
 * the description column, so this cannot mistake its text for a flag.
 */
const FLAG_LINE = /^ {2}(?:-[A-Za-z0-9], | {4})--([A-Za-z0-9][A-Za-z0-9-]*)(?:[ =]|$)/;

/**
 * The long flags (`--type`, `--in-vm`, …) a bib image's `build --help` lists, global flags
 * included, so the argv builder passes only flags this bib has: classic bib has `--in-vm` and
 * `--no-default-kernel-args`, its successor in osbuild/image-builder has `--seed` instead, and
 * either one stops at a flag it does not know.
 *
 * Hidden flags (`--config`, `--local`, `--tls-verify`) never appear in help although bib
 * accepts them: do not gate on them.
 */
export function parseBibHelpFlags(helpText: string): Set<string> {
  const flags = new Set<string>();
  let section: string | null = null;
  let sawFlagSection = false;
  for (const rawLine of helpText.split('\n')) {
    const line = rawLine.replace(/\r$/, '');
    const header = SECTION_HEADER.exec(line);
    if (header) {
      section = header[1] ?? null;
      if (section !== null && FLAG_SECTIONS.has(section)) sawFlagSection = true;
      continue;
    }
    if (section === null || !FLAG_SECTIONS.has(section)) continue;
    const flag = FLAG_LINE.exec(line);
    if (flag) flags.add(`--${flag[1]}`);
  }
  if (!sawFlagSection || flags.size === 0) {
    throw new BibHelpParseError(
      `"build --help" printed no flag list, so this does not look like bootc-image-builder: "${firstLine(helpText)}".`,
    );
  }
  return flags;
}

function firstLine(text: string): string {
  const line = text.trim().split('\n', 1)[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 80)}…` : line;
}

/**
 * Which code base answers to the bib image name, told by its flags: osbuild/bootc-image-builder has
 * `--in-vm` (and `--no-default-kernel-args`); image-builder-cli's bib mode (bib_main.go) has
 * neither. They differ in what they honour: only bib's legacy ISO path reads customizations.iso.
 */
export function builderKind(flags: ReadonlySet<string>): BuilderKind {
  return flags.has('--in-vm') ? 'bootc-image-builder' : 'image-builder-cli';
}
