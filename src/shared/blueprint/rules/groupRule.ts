import { type BlueprintProblem, quote } from '../problem';
import { ruleError, wordsError } from '../ruleWords';
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
    if (bad) problems.push(wordsError(at('name'), bad));
    else if (names.has(group.name)) {
      problems.push(ruleError(at('name'), 'group.duplicateName', { name: quote(group.name) }));
    }
    names.add(group.name);
    if (group.gid === undefined) return;
    const badGid = describeBadId(group.gid, 'group');
    if (badGid) problems.push(wordsError(at('gid'), badGid));
    else if (gids.has(group.gid)) {
      problems.push(ruleError(at('gid'), 'group.duplicateId', { id: group.gid }));
    }
    gids.add(group.gid);
  });
  return problems;
};
