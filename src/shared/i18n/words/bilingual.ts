/** The same keys as `T`, every leaf a string: what the Korean of a section must be. */
export type SameWords<T> = { readonly [K in keyof T]: T[K] extends string ? string : SameWords<T[K]> };

/**
 * One section of the catalogue, English and Korean side by side. The Korean must have exactly the
 * English keys (TypeScript refuses a missing or an extra one), so no language falls behind.
 */
export function bilingual<T extends object>(words: { en: T; ko: SameWords<T> }): { en: T; ko: SameWords<T> } {
  return words;
}
