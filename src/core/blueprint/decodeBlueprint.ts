import { type Blueprint, BlueprintSchema } from '../../shared/blueprint/blueprintSchema';
import {
  type BlueprintProblem,
  hasErrors,
  type ProblemPath,
  type SourceProblem,
} from '../../shared/blueprint/problem';
import { ruleError } from '../../shared/blueprint/ruleWords';
import { schemaProblems } from '../../shared/blueprint/schemaProblems';
import type { LocatePath } from './sourceLocator';

/** A TOML or JSON config read into the model, or the problems that stopped it. */
export type DecodedBlueprint =
  | { ok: true; blueprint: Blueprint; problems: SourceProblem[]; locate: LocatePath }
  | { ok: false; problems: SourceProblem[] };

export const onLine =
  (locate: LocatePath) =>
  (problem: BlueprintProblem): SourceProblem => ({ ...problem, line: locate(problem.path) });

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * A key named __proto__ would silently vanish once the document becomes JavaScript objects; bib
 * knows no such key anyway.
 */
function prototypeKeyProblems(value: unknown, path: ProblemPath = []): BlueprintProblem[] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => prototypeKeyProblems(item, [...path, index]));
  if (!isPlainObject(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '__proto__'
      ? [ruleError([...path, key], 'source.protoKey')]
      : prototypeKeyProblems(inner, [...path, key]),
  );
}

/** Checks a parsed document against the model; schema problems get the line of their key. */
export function decodeParsedBlueprint(
  value: unknown,
  locate: LocatePath,
  earlier: SourceProblem[],
): DecodedBlueprint {
  const problems = [...earlier, ...prototypeKeyProblems(value).map(onLine(locate))];
  const parsed = hasErrors(problems) ? null : BlueprintSchema.safeParse(value);
  if (parsed && !parsed.success)
    problems.push(...schemaProblems(value, parsed.error.issues).map(onLine(locate)));
  problems.sort((a, b) => a.line - b.line);
  if (!parsed?.success || hasErrors(problems)) return { ok: false, problems };
  return { ok: true, blueprint: parsed.data, problems, locate };
}
