import type { BlueprintProblem } from '../problem';
import { ruleWarning } from '../ruleWords';
import type { BlueprintRule } from '../validationContext';

/**
 * A kickstart's own accounts with a password in plain text. Kickstart takes `rootpw` and
 * `user --password=` as plain text unless `--iscrypted` says otherwise (pykickstart's RootPw and
 * User commands), and bib writes the kickstart into the ISO as it is: anyone holding the stick can
 * read that password. The form hashes its own users' passwords; a kickstart it passes on as
 * written, so it says so. The password itself is never repeated.
 */
export const kickstartPasswordRule: BlueprintRule = (blueprint) => {
  const contents = blueprint.customizations?.installer?.kickstart?.contents ?? '';
  const problems: BlueprintProblem[] = [];
  contents.split('\n').forEach((raw, index) => {
    const words = raw.trim().split(/\s+/);
    const command = words[0];
    const crypted = words.includes('--iscrypted');
    const plainRoot = command === 'rootpw' && !crypted && !words.includes('--lock') && words.length > 1;
    const plainUser =
      command === 'user' &&
      !crypted &&
      words.some((word) => word === '--password' || word.startsWith('--password='));
    if (plainRoot || plainUser) {
      problems.push(
        ruleWarning(
          ['customizations', 'installer', 'kickstart', 'contents'],
          'installer.kickstartPlainPassword',
          {
            line: String(index + 1),
            command: command as string,
          },
        ),
      );
    }
  });
  return problems;
};
