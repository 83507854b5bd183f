import { z } from 'zod';

/** Where in a blueprint a problem sits: keys and list indexes, e.g. ['customizations', 'user', 0, 'name']. */
export const ProblemPathSchema = z.array(z.union([z.string(), z.number()]));
export type ProblemPath = z.infer<typeof ProblemPathSchema>;

/**
 * One thing wrong with a blueprint, in words a person understands. An error means bib (or
 * osbuild, later in the build) would refuse it; a warning means bib accepts it but the result is
 * probably not what was meant.
 */
/**
 * The catalogue key (under `rules.`) and values a problem's English message was made from, kept so
 * the renderer can say it again in the person's language. A value named `…Keys` holds catalogue
 * keys (space-separated) whose texts, joined, fill the placeholder without `Keys` (see sayWords).
 */
export const ProblemWordsSchema = z.object({
  key: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ProblemWords = z.infer<typeof ProblemWordsSchema>;

export const BlueprintProblemSchema = z.object({
  path: ProblemPathSchema,
  message: z.string(),
  severity: z.enum(['error', 'warning']),
  /** Absent in problems stored before messages were translatable: those show `message`. */
  words: ProblemWordsSchema.optional(),
});
export type BlueprintProblem = z.infer<typeof BlueprintProblemSchema>;

/** A problem found in a TOML or JSON file, with the 1-based line it is on. */
export const SourceProblemSchema = BlueprintProblemSchema.extend({ line: z.number().int().positive() });
export type SourceProblem = z.infer<typeof SourceProblemSchema>;

export function error(path: ProblemPath, message: string): BlueprintProblem {
  return { path, message, severity: 'error' };
}

export function warning(path: ProblemPath, message: string): BlueprintProblem {
  return { path, message, severity: 'warning' };
}

export function hasErrors(problems: readonly BlueprintProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/** `customizations.user[0].name`: the dotted form bib itself uses in its messages. */
export function formatPath(path: ProblemPath): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text === '' ? part : `${text}.${part}`;
  }, '');
}

/**
 * A value shown inside a message: quoted and escaped so that newlines or control characters in
 * it cannot forge extra output lines, and cut short so a pasted essay stays readable.
 */
export function quote(value: string, max = 40): string {
  const shown = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(shown);
}
