import { type BlueprintProblem, error, quote } from '../problem';
import { type BlueprintRule, CONTROL_CHARACTER } from '../validationContext';
import { describeBadAccountName } from './accountName';

/** The largest ID useradd/groupadd accept: 2^32 − 1 is reserved as "no ID". */
export const MAX_ID = 4_294_967_294;

export function describeBadId(id: number | undefined, label: string): string | null {
  if (id === undefined || (id >= 0 && id <= MAX_ID)) return null;
  return `${label} ${id} is out of range: it must be between 0 and ${MAX_ID}.`;
}

/** A passwd field (comment, home, shell): ":" or a line break would corrupt /etc/passwd. */
function badPasswdField(value: string | undefined, label: string): string | null {
  if (value === undefined) return null;
  if (value.includes(':') || CONTROL_CHARACTER.test(value)) {
    return `${label} cannot contain ":", line breaks or other control characters: useradd refuses them, late in the build.`;
  }
  return null;
}

/** Home and shell must be absolute paths (useradd refuses anything else). */
function notAbsolute(value: string | undefined, label: string): string | null {
  if (value === undefined || value === '' || value.startsWith('/')) return null;
  return `${label} ${quote(value)} must be an absolute path starting with "/".`;
}

/** The fields useradd checks that bib passes through unchecked. */
export const userFieldsRule: BlueprintRule = (blueprint) => {
  const problems: BlueprintProblem[] = [];
  (blueprint.customizations?.user ?? []).forEach((user, index) => {
    const at = (field: string) => ['customizations', 'user', index, field];
    const who = `user ${quote(user.name)}`;
    const checks: Array<[string, string | null]> = [
      ['description', badPasswdField(user.description, `The description of ${who}`)],
      [
        'home',
        badPasswdField(user.home, `The home folder of ${who}`) ?? notAbsolute(user.home, 'Home folder'),
      ],
      ['shell', badPasswdField(user.shell, `The shell of ${who}`) ?? notAbsolute(user.shell, 'Shell')],
      ['uid', describeBadId(user.uid, 'User ID')],
      ['gid', describeBadId(user.gid, 'Group ID')],
    ];
    for (const [field, message] of checks) if (message) problems.push(error(at(field), message));
    (user.groups ?? []).forEach((group, groupIndex) => {
      const bad = describeBadAccountName(group, 'Group');
      if (bad) problems.push(error([...at('groups'), groupIndex], `In the groups of ${who}: ${bad}`));
    });
  });
  return problems;
};
