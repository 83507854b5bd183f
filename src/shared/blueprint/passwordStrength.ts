/**
 * A strength hint for a password as it is typed, judged by length and character variety only.
 *
 * Why not a library: none is installed, and the well-kept estimator (zxcvbn / zxcvbn-ts) ships
 * megabytes of dictionaries. This hint is honest about what it is: it does not know common
 * passwords or phrases, so the words shown say "length and variety", never "uncrackable".
 */
export type PasswordStrength = 'weak' | 'fair' | 'strong';

/** Lower case, upper case, digits, and everything else (symbols, spaces, non-Latin letters). */
export function characterClasses(password: string): number {
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u];
  return classes.filter((pattern) => pattern.test(password)).length;
}

/** Characters, counted as a person sees them (an emoji or a Hangul syllable is one). */
const lengthOf = (password: string) => [...password].length;

/** Mostly one or two characters repeated ("aaaaaaaaaaaa", "abababababab") is no longer than it looks. */
function isRepetitive(password: string): boolean {
  const characters = [...password];
  return new Set(characters).size * 3 < characters.length;
}

/** null for an empty field: nothing to judge yet. */
export function passwordStrength(password: string): PasswordStrength | null {
  if (password === '') return null;
  const length = lengthOf(password);
  const classes = characterClasses(password);
  if (length < 8 || isRepetitive(password)) return 'weak';
  if (length < 12) return classes >= 3 ? 'fair' : 'weak';
  if (length >= 16 || classes >= 2) return 'strong';
  return 'fair';
}
