import { parseDataSize } from '../dataSize';
import { type BlueprintProblem, quote } from '../problem';
import { ruleError, ruleWarning } from '../ruleWords';
import type { BlueprintRule } from '../validationContext';

const ONE_MIB = 1024 ** 2;

/** Sizes bib can parse, greater than zero, and not absurdly small (a forgotten unit). */
export const filesystemSizeRule: BlueprintRule = (blueprint) => {
  const problems: BlueprintProblem[] = [];
  (blueprint.customizations?.filesystem ?? []).forEach((filesystem, index) => {
    const path = ['customizations', 'filesystem', index, 'minsize'];
    const mountpoint = quote(filesystem.mountpoint, 80);
    let bytes: number;
    if (typeof filesystem.minsize === 'number') {
      bytes = filesystem.minsize;
    } else {
      const parsed = parseDataSize(filesystem.minsize);
      if (!parsed.ok) {
        problems.push(
          ruleError(path, `size.${parsed.reason}`, { mountpoint, size: quote(filesystem.minsize) }),
        );
        return;
      }
      bytes = parsed.bytes;
    }
    if (bytes === 0) problems.push(ruleError(path, 'size.zero', { mountpoint }));
    else if (bytes < ONE_MIB) {
      problems.push(ruleWarning(path, 'size.tiny', { mountpoint, bytes }));
    }
  });
  return problems;
};
