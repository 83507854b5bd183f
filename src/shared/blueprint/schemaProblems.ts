import { z } from 'zod';
import { BlueprintSchema } from './blueprintSchema';
import { type BlueprintProblem, error, formatPath, type ProblemPath, quote } from './problem';

/** The keys the model allows at a path (the object schema found by following it), or none. */
function keysAt(path: ProblemPath): string[] {
  let schema: z.ZodType = BlueprintSchema;
  for (const part of [...path, null]) {
    while (schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
    if (schema instanceof z.ZodArray && typeof part === 'number') schema = schema.element as z.ZodType;
    else if (schema instanceof z.ZodObject && part === null) return Object.keys(schema.shape);
    else if (schema instanceof z.ZodObject && typeof part === 'string' && part in schema.shape) {
      schema = schema.shape[part] as z.ZodType;
    } else return [];
  }
  return [];
}

/** Names people reach for instead of bib's. */
const SYNONYMS: Readonly<Record<string, string>> = {
  sshkey: 'key',
  sshkeys: 'key',
  keys: 'key',
  authorizedkeys: 'key',
  username: 'name',
  login: 'name',
  passwordhash: 'password',
  size: 'minsize',
};

const normalise = (key: string) => key.toLowerCase().replace(/[-_]/g, '');

function unknownKeyMessage(path: ProblemPath, key: string): string {
  const where = path.length > 0 ? ` in ${formatPath(path)}` : '';
  const base = `Unknown key ${quote(key)}${where}: bib refuses keys it does not know.`;
  if (path.length === 0 && key === 'blueprint') {
    return 'The {"blueprint": …} wrapper is an old form bib accepts only in JSON; in TOML start directly with [customizations…] tables.';
  }
  const known = keysAt(path);
  const suggestion =
    known.find((name) => normalise(name) === normalise(key)) ??
    known.find((name) => name === SYNONYMS[normalise(key)]);
  return suggestion ? `${base} Did you mean "${suggestion}"?` : base;
}

function valueAt(input: unknown, path: ProblemPath): unknown {
  let value = input;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

const EXPECTED_WORDS: Readonly<Record<string, string>> = {
  string: 'text (in quotes)',
  int: 'a whole number',
  number: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a table of settings',
  record: 'a table of settings',
};

/**
 * Turns schema issues into plain-language problems. Issues never carry the offending value (a
 * wrong-typed password must not be echoed), only where it is and what was expected.
 */
export function schemaProblems(input: unknown, issues: readonly z.core.$ZodIssue[]): BlueprintProblem[] {
  return issues.flatMap((issue): BlueprintProblem[] => {
    const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
    const label = path.length > 0 ? `"${formatPath(path)}"` : 'The config';
    if (issue.code !== 'unrecognized_keys' && path.length > 0 && valueAt(input, path) === undefined) {
      return [error(path, `${label} is missing.`)];
    }
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => error([...path, key], unknownKeyMessage(path, key)));
      case 'invalid_type': {
        const expected = EXPECTED_WORDS[issue.expected] ?? issue.expected;
        return [error(path, `${label} must be ${expected}.`)];
      }
      case 'invalid_union':
        return [error(path, `${label} must be a number of bytes or a size such as "10 GiB".`)];
      case 'too_small':
      case 'too_big':
        return [error(path, `${label} is out of range.`)];
      case 'custom':
        return [error(path, `${label} ${issue.message}.`)];
      default:
        return [error(path, `${label} is not valid.`)];
    }
  });
}
