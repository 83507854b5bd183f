import { parseDataSize } from '../dataSize';
import { type BlueprintProblem, error, quote, warning } from '../problem';
import type { BlueprintRule } from '../validationContext';

const ONE_MIB = 1024 ** 2;

/** Sizes bib can parse, greater than zero, and not absurdly small (a forgotten unit). */
export const filesystemSizeRule: BlueprintRule = (blueprint) => {
  const problems: BlueprintProblem[] = [];
  (blueprint.customizations?.filesystem ?? []).forEach((filesystem, index) => {
    const path = ['customizations', 'filesystem', index, 'minsize'];
    const where = `The size of ${quote(filesystem.mountpoint, 80)}`;
    let bytes: number;
    if (typeof filesystem.minsize === 'number') {
      bytes = filesystem.minsize;
    } else {
      const parsed = parseDataSize(filesystem.minsize);
      if (!parsed.ok) {
        problems.push(error(path, `${where} (${quote(filesystem.minsize)}) ${parsed.message}.`));
        return;
      }
      bytes = parsed.bytes;
    }
    if (bytes === 0) problems.push(error(path, `${where} must be greater than 0.`));
    else if (bytes < ONE_MIB) {
      problems.push(warning(path, `${where} is only ${bytes} bytes; a unit such as GiB may be missing.`));
    }
  });
  return problems;
};
