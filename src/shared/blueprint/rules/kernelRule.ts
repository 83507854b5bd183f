import type { BlueprintProblem } from '../problem';
import { ruleError, ruleWarning } from '../ruleWords';
import { type BlueprintRule, CONTROL_CHARACTER } from '../validationContext';

/** Kernel arguments are one line on the boot loader's command line. */
export const kernelRule: BlueprintRule = (blueprint) => {
  const kernel = blueprint.customizations?.kernel;
  if (!kernel) return [];
  const problems: BlueprintProblem[] = [];
  if (kernel.append !== undefined && CONTROL_CHARACTER.test(kernel.append)) {
    problems.push(ruleError(['customizations', 'kernel', 'append'], 'kernel.appendLine'));
  }
  if (kernel.name !== undefined) {
    problems.push(ruleWarning(['customizations', 'kernel', 'name'], 'kernel.nameIgnored'));
  }
  return problems;
};
