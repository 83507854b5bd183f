import type { BlueprintProblem } from '../../../shared/blueprint/problem';

/** The problems of one field (its path in the blueprint), errors first. */
export function problemsAt(
  problems: readonly BlueprintProblem[],
  path: readonly (string | number)[],
): BlueprintProblem[] {
  const key = JSON.stringify(path);
  return problems
    .filter((problem) => JSON.stringify(problem.path.slice(0, path.length)) === key)
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/** PatternFly's `validated` state for a field with these problems. */
export function validatedOf(problems: readonly BlueprintProblem[]): 'error' | 'warning' | 'default' {
  if (problems.some((problem) => problem.severity === 'error')) return 'error';
  return problems.length > 0 ? 'warning' : 'default';
}

/** The problems none of these fields (paths) shows: they need a place of their own on the page. */
export function problemsOutside(
  problems: readonly BlueprintProblem[],
  shown: readonly (readonly (string | number)[])[],
): BlueprintProblem[] {
  return problems.filter((problem) => !shown.some((path) => problemsAt([problem], path).length > 0));
}
