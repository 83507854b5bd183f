import type { BlueprintProblem } from '../problem';
import { ruleError } from '../ruleWords';
import { type BlueprintRule, mayBeIso } from '../validationContext';

export const ANACONDA_USERS_MODULE = 'org.fedoraproject.Anaconda.Modules.Users';

/**
 * Installer combinations bib refuses for ISO images: a kickstart of your own owns users, unattended
 * mode and sudo, and users need Anaconda's Users module. "A kickstart" means the key is there, even
 * with empty contents: osbuild/images customizations/kickstart `New` sets `UserFile` whenever
 * `installer.kickstart` is present, and `Options.Validate` refuses users, groups, unattended and
 * sudo next to any `UserFile` (blueprint `GetInstaller` refuses the last two only for non-empty
 * contents, with other words; either way the build stops).
 */
export const installerRule: BlueprintRule = (blueprint, context) => {
  const customizations = blueprint.customizations;
  const installer = customizations?.installer;
  if (!installer || !mayBeIso(context)) return [];
  const problems: BlueprintProblem[] = [];
  const accounts = (customizations?.user?.length ?? 0) + (customizations?.group?.length ?? 0);
  const hasKickstart = installer.kickstart !== undefined;
  const kickstartPath = ['customizations', 'installer', 'kickstart'];
  if (hasKickstart && accounts > 0) {
    problems.push(ruleError(kickstartPath, 'installer.kickstartAccounts'));
  }
  if (hasKickstart && installer.unattended) {
    problems.push(ruleError(['customizations', 'installer', 'unattended'], 'installer.kickstartUnattended'));
  }
  if (hasKickstart && (installer['sudo-nopasswd']?.length ?? 0) > 0) {
    problems.push(ruleError(['customizations', 'installer', 'sudo-nopasswd'], 'installer.kickstartSudo'));
  }
  const disabled = installer.modules?.disable ?? [];
  if (accounts > 0 && disabled.includes(ANACONDA_USERS_MODULE)) {
    problems.push(
      ruleError(
        ['customizations', 'installer', 'modules', 'disable', disabled.indexOf(ANACONDA_USERS_MODULE)],
        'installer.usersModule',
        { module: ANACONDA_USERS_MODULE },
      ),
    );
  }
  return problems;
};
