import { parse, stringify, TomlError } from 'smol-toml';
import type { Blueprint } from '../../shared/blueprint/blueprintSchema';
import type { BlueprintProblem, ProblemPath } from '../../shared/blueprint/problem';
import { ruleError } from '../../shared/blueprint/ruleWords';
import type { ValidationContext } from '../../shared/blueprint/validationContext';
import { type DecodedBlueprint, decodeParsedBlueprint, isPlainObject, onLine } from './decodeBlueprint';
import { assertWritable, prepareForExport } from './exportBlueprint';
import { locatorFrom, pathKey } from './sourceLocator';
import { locateTomlKeys } from './tomlSource';

/** bib's Go structs have no date fields: a TOML date anywhere is a mistake. */
function dateProblems(value: unknown, path: ProblemPath = []): BlueprintProblem[] {
  if (value instanceof Date) {
    return [ruleError(path, 'source.date')];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => dateProblems(item, [...path, index]));
  if (!isPlainObject(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => dateProblems(inner, [...path, key]));
}

/**
 * `size` is the deprecated TOML-only name of a filesystem's `minsize` (blueprint
 * FilesystemCustomization.UnmarshalTOML): renamed here, refused when both are given, as bib does.
 */
function renameSizeAlias(value: unknown): BlueprintProblem[] {
  const filesystems =
    isPlainObject(value) && isPlainObject(value.customizations) ? value.customizations.filesystem : undefined;
  if (!Array.isArray(filesystems)) return [];
  return filesystems.flatMap((entry, index) => {
    if (!isPlainObject(entry) || !('size' in entry)) return [];
    if ('minsize' in entry) {
      delete entry.size;
      return [ruleError(['customizations', 'filesystem', index, 'minsize'], 'source.sizeAndMinsize')];
    }
    entry.minsize = entry.size;
    delete entry.size;
    return [];
  });
}

/** Reads a bib config.toml; syntax errors and schema problems carry their line. */
export function decodeBlueprintToml(text: string): DecodedBlueprint {
  let value: unknown;
  try {
    value = parse(text);
  } catch (caught) {
    if (!(caught instanceof TomlError)) throw caught;
    // Only the first line of smol-toml's message: the rest quotes the source, which may hold a password.
    const reason = (caught.message.split('\n')[0] ?? '').replace(/^Invalid TOML document: /, '');
    // The parser's reason stays in its own (English) words; the frame around it is translated.
    const values = { line: caught.line, column: caught.column, reason };
    return { ok: false, problems: [{ ...ruleError([], 'source.tomlSyntax', values), line: caught.line }] };
  }
  const lines = locateTomlKeys(text);
  const byPath = locatorFrom(lines);
  // A `size` renamed to `minsize` is still found on its own line.
  const locate = (path: ProblemPath) =>
    path[path.length - 1] === 'minsize' && !lines.has(pathKey(path))
      ? byPath([...path.slice(0, -1), 'size'])
      : byPath(path);
  const earlier = [...dateProblems(value), ...renameSizeAlias(value)].map(onLine(locate));
  return decodeParsedBlueprint(value, locate, earlier);
}

/** config.toml as bib reads it. Passwords must already be hashed. */
export function stringifyBlueprintToml(blueprint: Blueprint): string {
  assertWritable(blueprint);
  const text = stringify(blueprint);
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/** Validates, hashes every plain password, then writes config.toml; throws BlueprintRefusedError. */
export function exportBlueprintToml(blueprint: unknown, context: ValidationContext = {}): string {
  return stringifyBlueprintToml(prepareForExport(blueprint, context));
}
