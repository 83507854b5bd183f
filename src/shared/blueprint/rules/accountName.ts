import { quote } from '../problem';

/**
 * osbuild's schema for user and group names (`org.osbuild.users`/`groups`/`kickstart` stages,
 * before osbuild v180; bib images may carry either, so the stricter rule is the safe one).
 * blueprint and images never check names: a bad one passes `bib manifest` and fails only when
 * osbuild starts the build, after the image was pulled and the manifest generated.
 */
export const ACCOUNT_NAME = /^[A-Za-z0-9_.][A-Za-z0-9_.-]{0,31}$/;

/** Why a user or group name cannot be used, or null when it can. */
export function describeBadAccountName(name: string, what: 'User' | 'Group'): string | null {
  if (name === '') return `Every ${what.toLowerCase()} needs a name.`;
  if (name === '.' || name === '..') {
    return `${what} name ${quote(name)} cannot be used: it means a folder, not an account.`;
  }
  if (ACCOUNT_NAME.test(name)) return null;
  const reasons: string[] = [];
  if (name.length > 32) reasons.push(`is ${name.length} characters long`);
  if (name.startsWith('-')) reasons.push('starts with "-"');
  if (/[^A-Za-z0-9_.-]/.test(name))
    reasons.push('contains characters other than A–Z, a–z, 0–9, ".", "_" and "-"');
  return (
    `${what} name ${quote(name)} cannot be used: it ${reasons.join(' and ')}. osbuild accepts only names of ` +
    'at most 32 characters made of letters, digits, ".", "_" and "-" (not starting with "-"), and it would ' +
    'refuse this one only at the end of a long build.'
  );
}
