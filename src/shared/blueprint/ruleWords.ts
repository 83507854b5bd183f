import { en } from '../i18n/catalogue';
import { sayWords } from '../i18n/describeProblem';
import { translateFrom } from '../i18n/translate';
import type { BlueprintProblem, ProblemPath, ProblemWords } from './problem';

const english = translateFrom(en);

type Values = ProblemWords['values'];

/**
 * A problem whose English message is made from the `rules` catalogue, keeping the key and values so
 * the renderer can say it in Korean; the CLI prints `message`, so its English is the catalogue's.
 */
function said(severity: BlueprintProblem['severity'], path: ProblemPath, words: ProblemWords) {
  return { path, message: sayWords(words, english), severity, words };
}

export const ruleError = (path: ProblemPath, key: string, values: Values = {}): BlueprintProblem =>
  said('error', path, { key, values });

export const ruleWarning = (path: ProblemPath, key: string, values: Values = {}): BlueprintProblem =>
  said('warning', path, { key, values });

/** For rules that first work out the words and then the path (shared helpers return words). */
export const wordsError = (path: ProblemPath, words: ProblemWords): BlueprintProblem =>
  said('error', path, words);
