import type { Translate } from './describeReason';

function lookup(catalogue: object, key: string): string | undefined {
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * A plain translate function over one catalogue, for the CLI and the helper (no plurals, no
 * i18next): looks up a dotted key and fills {{name}} placeholders. A missing key shows itself.
 */
export function translateFrom(catalogue: object): Translate {
  return (key, values = {}) =>
    (lookup(catalogue, key) ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
      String(values[name] ?? ''),
    );
}
