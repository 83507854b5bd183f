import { type Blueprint, BlueprintSchema } from '../../shared/blueprint/blueprintSchema';
import { type BlueprintProblem, formatPath, hasErrors } from '../../shared/blueprint/problem';
import { schemaProblems } from '../../shared/blueprint/schemaProblems';
import type { ValidationContext } from '../../shared/blueprint/validationContext';
import { AppError } from '../../shared/errors';
import { checkBlueprint } from './checkBlueprint';
import { hashBlueprintPasswords, hasOnlyHashedPasswords } from './hashPassword';

/** Export refused: the errors say what to fix (they never contain a password). */
export class BlueprintRefusedError extends AppError {
  constructor(readonly problems: BlueprintProblem[]) {
    const lines = problems.map(
      (problem) => `  - ${formatPath(problem.path) || 'config'}: ${problem.message}`,
    );
    super('refused', `The blueprint cannot be exported until this is fixed:\n${lines.join('\n')}`);
    this.name = 'BlueprintRefusedError';
  }
}

/**
 * The blueprint exactly as it may be written for bib: shaped as the model, free of errors, and
 * with every plain password replaced by its SHA-512 crypt hash.
 */
export function prepareForExport(input: unknown, context: ValidationContext = {}): Blueprint {
  const parsed = BlueprintSchema.safeParse(input);
  if (!parsed.success) throw new BlueprintRefusedError(schemaProblems(input, parsed.error.issues));
  const problems = checkBlueprint(parsed.data, context);
  if (hasErrors(problems)) {
    throw new BlueprintRefusedError(problems.filter((problem) => problem.severity === 'error'));
  }
  return hashBlueprintPasswords(parsed.data);
}

/** Last guard of every serializer: a plain password is never written anywhere. */
export function assertWritable(blueprint: Blueprint): void {
  if (!hasOnlyHashedPasswords(blueprint)) {
    throw new Error('Refusing to write a blueprint that still holds a plain password (hash it first).');
  }
}
