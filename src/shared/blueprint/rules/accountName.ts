import { type ProblemWords, quote } from '../problem';

/**
 * osbuild's schema for user and group names (`org.osbuild.users`/`groups`/`kickstart` stages,
 * before osbuild v180; bib images may carry either, so the stricter rule is the safe one).
 * blueprint and images never check names: a bad one passes `bib manifest` and fails only when
 * osbuild starts the build, after the image was pulled and the manifest generated.
 */
export const ACCOUNT_NAME = /^[A-Za-z0-9_.][A-Za-z0-9_.-]{0,31}$/;

/**
 * Why a user or group name cannot be used, as catalogue words, or null when it can. Each reason
 * is a key of its own (`reasonsKeys`), so every language joins them in its own way.
 */
export function describeBadAccountName(name: string, what: 'User' | 'Group'): ProblemWords | null {
  const prefix = `accountName.${what === 'User' ? 'user' : 'group'}`;
  if (name === '') return { key: `${prefix}Empty`, values: {} };
  if (name === '.' || name === '..') return { key: `${prefix}Dot`, values: { name: quote(name) } };
  if (ACCOUNT_NAME.test(name)) return null;
  const reasons: string[] = [];
  if (name.length > 32) reasons.push('accountName.tooLong');
  if (name.startsWith('-')) reasons.push('accountName.startsWithDash');
  if (/[^A-Za-z0-9_.-]/.test(name)) reasons.push('accountName.badCharacters');
  return {
    key: `${prefix}Bad`,
    values: { name: quote(name), length: name.length, reasonsKeys: reasons.join(' ') },
  };
}
