import { type BlueprintProblem, type ProblemWords, quote } from '../problem';
import { wordsError } from '../ruleWords';
import { type BlueprintRule, CONTROL_CHARACTER } from '../validationContext';
import { describeBadAccountName } from './accountName';

/** The largest ID useradd/groupadd accept: 2^32 − 1 is reserved as "no ID". */
export const MAX_ID = 4_294_967_294;

export function describeBadId(id: number | undefined, which: 'user' | 'group'): ProblemWords | null {
  if (id === undefined || (id >= 0 && id <= MAX_ID)) return null;
  return { key: `userFields.${which}IdRange`, values: { id, max: MAX_ID } };
}

/** A passwd field (comment, home, shell): ":" or a line break would corrupt /etc/passwd. */
function badPasswdField(value: string | undefined, field: string, name: string): ProblemWords | null {
  if (value === undefined) return null;
  if (value.includes(':') || CONTROL_CHARACTER.test(value)) {
    return { key: `userFields.${field}Chars`, values: { name } };
  }
  return null;
}

/** Home and shell must be absolute paths (useradd refuses anything else). */
function notAbsolute(value: string | undefined, field: string): ProblemWords | null {
  if (value === undefined || value === '' || value.startsWith('/')) return null;
  return { key: `userFields.${field}Relative`, values: { path: quote(value) } };
}

/** The fields useradd checks that bib passes through unchecked. */
export const userFieldsRule: BlueprintRule = (blueprint) => {
  const problems: BlueprintProblem[] = [];
  (blueprint.customizations?.user ?? []).forEach((user, index) => {
    const at = (field: string) => ['customizations', 'user', index, field];
    const name = quote(user.name);
    const checks: Array<[string, ProblemWords | null]> = [
      ['description', badPasswdField(user.description, 'description', name)],
      ['home', badPasswdField(user.home, 'home', name) ?? notAbsolute(user.home, 'home')],
      ['shell', badPasswdField(user.shell, 'shell', name) ?? notAbsolute(user.shell, 'shell')],
      ['uid', describeBadId(user.uid, 'user')],
      ['gid', describeBadId(user.gid, 'group')],
    ];
    for (const [field, words] of checks) if (words) problems.push(wordsError(at(field), words));
    (user.groups ?? []).forEach((group, groupIndex) => {
      const bad = describeBadAccountName(group, 'Group');
      if (!bad) return;
      // The group's own words (and its reasons) first, so `badKeys` can use them.
      const values = { ...bad.values, user: name, badKeys: bad.key };
      problems.push(wordsError([...at('groups'), groupIndex], { key: 'userFields.inGroups', values }));
    });
  });
  return problems;
};
