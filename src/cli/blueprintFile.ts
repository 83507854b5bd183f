import { readFile } from 'node:fs/promises';
import { checkBlueprintSource } from '../core/blueprint/importBlueprint';
import type { Blueprint } from '../shared/blueprint/blueprintSchema';
import type { ImageType } from '../shared/diskImages/imageTypes';
import { formatProblem } from './blueprintCommand';
import { CliExit, EXIT } from './jobOutcome';

/**
 * A bib config file for `bootstick build`: read and checked exactly as `blueprint check` does;
 * any error refuses the build (exit 2) with every problem on its line, before anything runs.
 */
export async function loadBlueprintForCli(file: string, imageType: ImageType): Promise<Blueprint> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new CliExit(EXIT.refused, `The config file ${file} does not exist or cannot be read.`);
  });
  const check = checkBlueprintSource(text, { fileName: file, imageType });
  for (const problem of check.problems.filter((entry) => entry.severity === 'warning')) {
    process.stderr.write(`${formatProblem(file, problem)}\n`);
  }
  if (!check.ok || !check.blueprint) {
    const errors = check.problems.filter((problem) => problem.severity === 'error');
    throw new CliExit(
      EXIT.refused,
      `Refused, nothing was built:\n${errors.map((p) => formatProblem(file, p)).join('\n')}`,
    );
  }
  return check.blueprint;
}
