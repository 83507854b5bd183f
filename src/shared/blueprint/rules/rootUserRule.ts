import type { BlueprintUser } from '../blueprintSchema';
import { ruleError, ruleWarning } from '../ruleWords';
import { type BlueprintRule, mayBeIso } from '../validationContext';

/**
 * In an ISO installer the root account is set up by kickstart `rootpw`/`sshkey`, which carry only a
 * password and keys; bib refuses anything else (images kickstart.go: `unsupported kickstart
 * options for user "root": …`, listed in this order).
 */
const ROOT_FIELDS_REFUSED_ON_ISO = [
  'expiredate',
  'force_password_reset',
  'gid',
  'groups',
  'home',
  'shell',
  'uid',
] as const satisfies ReadonlyArray<keyof BlueprintUser>;

export const rootUserRule: BlueprintRule = (blueprint, context) => {
  if (!mayBeIso(context)) return [];
  return (blueprint.customizations?.user ?? []).flatMap((user, index) => {
    if (user.name !== 'root') return [];
    const refused = ROOT_FIELDS_REFUSED_ON_ISO.filter((field) => user[field] !== undefined);
    if (refused.length === 0) return [];
    const path = ['customizations', 'user', index, refused[0] as string];
    const list = refused.join(', ');
    if (context.imageType === undefined) {
      return [ruleWarning(path, 'rootUser.maybeIso', { fields: list })];
    }
    return [ruleError(path, 'rootUser.iso', { fields: list })];
  });
};
