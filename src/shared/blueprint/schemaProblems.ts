import { z } from 'zod';
import { BlueprintSchema, BROKEN_CHARACTER, NOT_CARRIABLE } from './blueprintSchema';
import { type BlueprintProblem, formatPath, type ProblemPath, type ProblemWords, quote } from './problem';
import { ruleError } from './ruleWords';

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

/** An unknown key's words: with where it sits and a likely meant key, when there are. */
function unknownKeyWords(path: ProblemPath, key: string): ProblemWords {
  if (path.length === 0 && key === 'blueprint') return { key: 'schema.tomlWrapper', values: {} };
  const known = keysAt(path);
  const suggestion =
    known.find((name) => normalise(name) === normalise(key)) ??
    known.find((name) => name === SYNONYMS[normalise(key)]);
  const values: ProblemWords['values'] = { key: quote(key) };
  if (path.length > 0) values.where = formatPath(path);
  if (suggestion) values.suggestion = suggestion;
  const name = `schema.unknownKey${path.length > 0 ? 'In' : ''}${suggestion ? 'Suggest' : ''}`;
  return { key: name, values };
}

function valueAt(input: unknown, path: ProblemPath): unknown {
  let value = input;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

/** What a value should have been, as catalogue keys (rules.schema…). */
const EXPECTED_WORDS: Readonly<Record<string, string>> = {
  string: 'schema.text',
  int: 'schema.wholeNumber',
  number: 'schema.wholeNumber',
  boolean: 'schema.trueOrFalse',
  array: 'schema.list',
  object: 'schema.table',
  record: 'schema.table',
};

/** The schema's own refinement messages, as catalogue keys. */
const CUSTOM_WORDS: Readonly<Record<string, string>> = {
  [BROKEN_CHARACTER]: 'schema.brokenCharacter',
  [NOT_CARRIABLE]: 'schema.notCarriable',
};

/** A word that is a catalogue key when one is known, else the text itself (untranslated). */
const part = (name: string, key: string | undefined, text: string): ProblemWords['values'] =>
  key ? { [`${name}Keys`]: key } : { [name]: text };

/**
 * Turns schema issues into plain-language problems. Issues never carry the offending value (a
 * wrong-typed password must not be echoed), only where it is and what was expected.
 */
export function schemaProblems(input: unknown, issues: readonly z.core.$ZodIssue[]): BlueprintProblem[] {
  return issues.flatMap((issue): BlueprintProblem[] => {
    const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
    const label: ProblemWords['values'] =
      path.length > 0 ? { label: `"${formatPath(path)}"` } : { labelKeys: 'schema.theConfig' };
    const say = (key: string, values: ProblemWords['values'] = {}) =>
      ruleError(path, `schema.${key}`, { ...label, ...values });
    if (issue.code !== 'unrecognized_keys' && path.length > 0 && valueAt(input, path) === undefined) {
      return [say('missing')];
    }
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => {
          const words = unknownKeyWords(path, key);
          return ruleError([...path, key], words.key, words.values);
        });
      case 'invalid_type':
        return [say('mustBe', part('expected', EXPECTED_WORDS[issue.expected], issue.expected))];
      case 'invalid_union':
        return [say('mustBeSize')];
      case 'too_small':
      case 'too_big':
        return [say('outOfRange')];
      case 'custom':
        return [say('custom', part('detail', CUSTOM_WORDS[issue.message], issue.message))];
      default:
        return [say('notValid')];
    }
  });
}
