import { type BlueprintProblem, error } from '../problem';
import { type BlueprintRule, mayBeIso } from '../validationContext';

export const ANACONDA_USERS_MODULE = 'org.fedoraproject.Anaconda.Modules.Users';

/**
 * Installer combinations bib refuses for ISO images (images kickstart `Options.Validate`,
 * blueprint `GetInstaller`): a kickstart of your own owns users, unattended mode and sudo, and
 * users need Anaconda's Users module.
 */
export const installerRule: BlueprintRule = (blueprint, context) => {
  const customizations = blueprint.customizations;
  const installer = customizations?.installer;
  if (!installer || !mayBeIso(context)) return [];
  const problems: BlueprintProblem[] = [];
  const accounts = (customizations?.user?.length ?? 0) + (customizations?.group?.length ?? 0);
  const hasKickstart = (installer.kickstart?.contents ?? '') !== '';
  const kickstartPath = ['customizations', 'installer', 'kickstart'];
  if (hasKickstart && accounts > 0) {
    problems.push(
      error(
        kickstartPath,
        'A kickstart of your own cannot be combined with users or groups: bib refuses it. Create the accounts in ' +
          'the kickstart (user, rootpw, sshkey commands), or remove the kickstart.',
      ),
    );
  }
  if (hasKickstart && installer.unattended) {
    problems.push(
      error(
        ['customizations', 'installer', 'unattended'],
        'Unattended installation cannot be combined with a kickstart of your own (bib refuses it); put the ' +
          'unattended settings in the kickstart instead.',
      ),
    );
  }
  if (hasKickstart && (installer['sudo-nopasswd']?.length ?? 0) > 0) {
    problems.push(
      error(
        ['customizations', 'installer', 'sudo-nopasswd'],
        'Password-less sudo cannot be combined with a kickstart of your own (bib refuses it); add it to the kickstart instead.',
      ),
    );
  }
  const disabled = installer.modules?.disable ?? [];
  if (accounts > 0 && disabled.includes(ANACONDA_USERS_MODULE)) {
    problems.push(
      error(
        ['customizations', 'installer', 'modules', 'disable', disabled.indexOf(ANACONDA_USERS_MODULE)],
        `The installer's Users module (${ANACONDA_USERS_MODULE}) cannot be disabled while users or groups are set: ` +
          'bib refuses it, because that module creates them.',
      ),
    );
  }
  return problems;
};
