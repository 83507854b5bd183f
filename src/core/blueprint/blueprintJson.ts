import type { Blueprint } from '../../shared/blueprint/blueprintSchema';
import type { SourceProblem } from '../../shared/blueprint/problem';
import { ruleError, ruleWarning } from '../../shared/blueprint/ruleWords';
import type { ValidationContext } from '../../shared/blueprint/validationContext';
import { type DecodedBlueprint, decodeParsedBlueprint, isPlainObject } from './decodeBlueprint';
import { assertWritable, prepareForExport } from './exportBlueprint';
import { parseJsonSource } from './jsonSource';
import { locatorFrom } from './sourceLocator';

/** Go's encoding/json treats a null member as absent; so does Bootstick (TOML has no null). */
function withoutNullMembers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNullMembers);
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (inner === null) continue;
    Object.defineProperty(copy, key, {
      value: withoutNullMembers(inner),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/**
 * Reads a bib config.json, including the legacy `{"blueprint": {…}}` wrapper bib still accepts
 * (bib then ignores every other top-level key, so they are reported and dropped).
 */
export function decodeBlueprintJson(text: string): DecodedBlueprint {
  const source = parseJsonSource(text);
  if (!source.ok) {
    // The parser's reason stays in its own (English) words; the frame around it is translated.
    const values = { line: source.line, column: source.column, reason: source.message };
    return { ok: false, problems: [{ ...ruleError([], 'source.jsonSyntax', values), line: source.line }] };
  }
  const rootLocate = locatorFrom(source.lines);
  let value = source.value;
  let prefix: string[] = [];
  const earlier: SourceProblem[] = [];
  if (isPlainObject(value) && value.blueprint !== undefined && value.blueprint !== null) {
    prefix = ['blueprint'];
    earlier.push({
      ...ruleWarning([], 'source.jsonWrapper'),
      line: rootLocate(['blueprint']),
    });
    for (const key of Object.keys(value).filter((key) => key !== 'blueprint')) {
      earlier.push({
        ...ruleWarning([], 'source.wrapperSibling', { key: JSON.stringify(key) }),
        line: rootLocate([key]),
      });
    }
    value = value.blueprint;
  }
  if (!isPlainObject(value)) {
    const notObject = { ...ruleError([], 'source.jsonNotObject'), line: rootLocate(prefix) };
    return { ok: false, problems: [...earlier, notObject] };
  }
  return decodeParsedBlueprint(withoutNullMembers(value), locatorFrom(source.lines, prefix), earlier);
}

/** config.json as bib reads it (2-space indented). Passwords must already be hashed. */
export function stringifyBlueprintJson(blueprint: Blueprint): string {
  assertWritable(blueprint);
  return `${JSON.stringify(blueprint, null, 2)}\n`;
}

/** Validates, hashes every plain password, then writes config.json; throws BlueprintRefusedError. */
export function exportBlueprintJson(blueprint: unknown, context: ValidationContext = {}): string {
  return stringifyBlueprintJson(prepareForExport(blueprint, context));
}
