import type { BlueprintProblem, ProblemWords } from '../blueprint/problem';
import type { Translate } from './describeReason';

/** The suffix of a value that names catalogue keys instead of holding text. */
const KEYS_SUFFIX = 'Keys';

/**
 * A problem's words in whatever language `translate` speaks. Messages made of parts (the reasons a
 * name is refused, a group-name problem inside a user's groups) keep each part as a key of its
 * own, so every part is translated whole; parts are joined by `rules.and`, which each language
 * words its own way.
 */
export function sayWords(words: ProblemWords, translate: Translate): string {
  const values: Record<string, string | number> = {};
  const parts: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(words.values)) {
    if (name.endsWith(KEYS_SUFFIX)) parts.push([name.slice(0, -KEYS_SUFFIX.length), String(value)]);
    else values[name] = value;
  }
  // In the order given: a later part may use an earlier one (a name problem uses its reasons).
  for (const [name, keys] of parts) {
    values[name] = keys
      .split(' ')
      .map((key) => translate(`rules.${key}`, values))
      .join(translate('rules.and'));
  }
  return translate(`rules.${words.key}`, values);
}

/** A blueprint problem in the person's language; one stored without words in its English. */
export function describeProblem(problem: BlueprintProblem, translate: Translate): string {
  return problem.words ? sayWords(problem.words, translate) : problem.message;
}
