import type { BlueprintFormat, BlueprintImportResult } from '../../shared/blueprint/blueprintImport';
import type { Blueprint } from '../../shared/blueprint/blueprintSchema';
import { hasErrors, type SourceProblem } from '../../shared/blueprint/problem';
import type { ValidationContext } from '../../shared/blueprint/validationContext';
import { decodeBlueprintJson } from './blueprintJson';
import { decodeBlueprintToml } from './blueprintToml';
import { checkBlueprint } from './checkBlueprint';
import { type DecodedBlueprint, onLine } from './decodeBlueprint';

export interface SourceOptions {
  /** Forces the format; otherwise taken from the file name, then from the content. */
  format?: BlueprintFormat;
  fileName?: string;
}

/** bib picks the decoder by extension; without one, a JSON config is an object and TOML never starts with "{". */
export function detectBlueprintFormat(text: string, fileName?: string): BlueprintFormat {
  if (fileName?.toLowerCase().endsWith('.toml')) return 'toml';
  if (fileName?.toLowerCase().endsWith('.json')) return 'json';
  return text.trimStart().startsWith('{') ? 'json' : 'toml';
}

export function decodeBlueprintSource(text: string, format: BlueprintFormat): DecodedBlueprint {
  return format === 'json' ? decodeBlueprintJson(text) : decodeBlueprintToml(text);
}

/** Reads a bib config into the model (passwords stay as they are in the file until saved or exported). */
export function importBlueprint(text: string, options: SourceOptions = {}): BlueprintImportResult {
  const format = options.format ?? detectBlueprintFormat(text, options.fileName);
  const decoded = decodeBlueprintSource(text, format);
  return decoded.ok
    ? { ok: true, format, blueprint: decoded.blueprint, problems: decoded.problems }
    : { ok: false, format, problems: decoded.problems };
}

export interface SourceCheck {
  format: BlueprintFormat;
  /** The model, when the file could be read. */
  blueprint: Blueprint | null;
  /** Everything found, each on its line: decode problems, then the rules and the SSH keys. */
  problems: SourceProblem[];
  ok: boolean;
}

/** What `bootstick blueprint check` reports: reading problems and every rule, with line numbers. */
export function checkBlueprintSource(
  text: string,
  options: SourceOptions & ValidationContext = {},
): SourceCheck {
  const format = options.format ?? detectBlueprintFormat(text, options.fileName);
  const decoded = decodeBlueprintSource(text, format);
  if (!decoded.ok) return { format, blueprint: null, problems: decoded.problems, ok: false };
  const context: ValidationContext = {
    ...(options.imageType ? { imageType: options.imageType } : {}),
    ...(options.rootfs ? { rootfs: options.rootfs } : {}),
  };
  const problems = [
    ...decoded.problems,
    ...checkBlueprint(decoded.blueprint, context).map(onLine(decoded.locate)),
  ];
  // In file order, as a person reads them; rules keep their order within a line.
  problems.sort((a, b) => a.line - b.line);
  return { format, blueprint: decoded.blueprint, problems, ok: !hasErrors(problems) };
}
