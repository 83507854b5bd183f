import type { Blueprint } from '../../shared/blueprint/blueprintSchema';
import { looksLikePrivateKey } from '../../shared/blueprint/privateKeyText';
import { type BlueprintProblem, error, quote } from '../../shared/blueprint/problem';
import { ruleError, ruleWarning } from '../../shared/blueprint/ruleWords';
import { validateBlueprint } from '../../shared/blueprint/validateBlueprint';
import type { ValidationContext } from '../../shared/blueprint/validationContext';
import { inspectSshKeys } from './inspectSshKey';

/** Every user's `key` must be SSH public keys (private keys are already refused by the shared rules). */
export function sshKeyProblems(blueprint: Blueprint): BlueprintProblem[] {
  return (blueprint.customizations?.user ?? []).flatMap((user, index) => {
    if (!user.key || looksLikePrivateKey(user.key)) return [];
    const path = ['customizations', 'user', index, 'key'];
    const inspection = inspectSshKeys(user.key);
    const name = quote(user.name);
    // The inspection's own words become the `detail` part, so the whole line translates.
    if (!inspection.ok && inspection.words) {
      const { key, values } = inspection.words;
      return [ruleError(path, 'sshKey.ofUser', { ...values, name, detailKeys: key })];
    }
    if (!inspection.ok) return [error(path, `SSH key of user ${name}: ${inspection.message}`)];
    return inspection.keys.flatMap((key) =>
      key.weaknessWords
        ? [
            ruleWarning(path, 'sshKey.ofUserLine', {
              ...key.weaknessWords.values,
              name,
              line: key.line,
              detailKeys: key.weaknessWords.key,
            }),
          ]
        : [],
    );
  });
}

/** validateBlueprint plus what needs Node: the SSH public keys parsed for real. */
export function checkBlueprint(blueprint: Blueprint, context: ValidationContext = {}): BlueprintProblem[] {
  return [...validateBlueprint(blueprint, context), ...sshKeyProblems(blueprint)];
}
