import { type BlueprintProblem, error, quote } from '../problem';
import type { BlueprintRule } from '../validationContext';
import { describeBadAccountName } from './accountName';
import { describeBadId } from './userFieldsRule';

/**
 * Group names as osbuild accepts them; no duplicate names or IDs (blueprint
 * `GroupsCustomization.Validate`: "duplicate group name" / "duplicate group ID").
 */
export const groupRule: BlueprintRule = (blueprint) => {
  const problems: BlueprintProblem[] = [];
  const names = new Set<string>();
  const gids = new Set<number>();
  (blueprint.customizations?.group ?? []).forEach((group, index) => {
    const at = (field: string) => ['customizations', 'group', index, field];
    const bad = describeBadAccountName(group.name, 'Group');
    if (bad) problems.push(error(at('name'), bad));
    else if (names.has(group.name)) {
      problems.push(
        error(
          at('name'),
          `There are two groups named ${quote(group.name)}; bib refuses duplicate group names.`,
        ),
      );
    }
    names.add(group.name);
    if (group.gid === undefined) return;
    const badGid = describeBadId(group.gid, 'Group ID');
    if (badGid) problems.push(error(at('gid'), badGid));
    else if (gids.has(group.gid)) {
      problems.push(
        error(at('gid'), `Two groups have the group ID ${group.gid}; bib refuses duplicate group IDs.`),
      );
    }
    gids.add(group.gid);
  });
  return problems;
};
