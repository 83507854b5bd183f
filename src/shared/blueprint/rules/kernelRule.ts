import { type BlueprintProblem, error, warning } from '../problem';
import { type BlueprintRule, CONTROL_CHARACTER } from '../validationContext';

/** Kernel arguments are one line on the boot loader's command line. */
export const kernelRule: BlueprintRule = (blueprint) => {
  const kernel = blueprint.customizations?.kernel;
  if (!kernel) return [];
  const problems: BlueprintProblem[] = [];
  if (kernel.append !== undefined && CONTROL_CHARACTER.test(kernel.append)) {
    problems.push(
      error(
        ['customizations', 'kernel', 'append'],
        'Kernel arguments must be on one line, separated by spaces: line breaks and other control characters would break the boot entry.',
      ),
    );
  }
  if (kernel.name !== undefined) {
    problems.push(
      warning(
        ['customizations', 'kernel', 'name'],
        'The kernel name is ignored for bootc images: the kernel comes with the container image (bib warns "not supported").',
      ),
    );
  }
  return problems;
};
