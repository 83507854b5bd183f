import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { stringifyBlueprintJson } from '../core/blueprint/blueprintJson';
import { stringifyBlueprintToml } from '../core/blueprint/blueprintToml';
import { hashBlueprintPasswords } from '../core/blueprint/hashPassword';
import { checkBlueprintSource, type SourceCheck } from '../core/blueprint/importBlueprint';
import { type BlueprintFormat, BlueprintFormatSchema } from '../shared/blueprint/blueprintImport';
import type { SourceProblem } from '../shared/blueprint/problem';
import type { ValidationContext } from '../shared/blueprint/validationContext';
import { ImageTypeSchema, RootFsSchema } from '../shared/diskImages/imageTypes';
import { CliExit, EXIT } from './jobOutcome';

interface ContextOptions {
  type?: string;
  rootfs?: string;
}

/** --type/--rootfs as a validation context; an unknown value is misuse (exit 2). */
function contextFrom(options: ContextOptions): ValidationContext {
  const context: ValidationContext = {};
  if (options.type !== undefined) {
    const type = ImageTypeSchema.safeParse(options.type);
    if (!type.success) {
      throw new CliExit(
        EXIT.refused,
        `Unknown image type ${JSON.stringify(options.type)}; use one of ${ImageTypeSchema.options.join(', ')}.`,
      );
    }
    context.imageType = type.data;
  }
  if (options.rootfs !== undefined) {
    const rootfs = RootFsSchema.safeParse(options.rootfs);
    if (!rootfs.success) {
      throw new CliExit(
        EXIT.refused,
        `Unknown root filesystem ${JSON.stringify(options.rootfs)}; use one of ${RootFsSchema.options.join(', ')}.`,
      );
    }
    context.rootfs = rootfs.data;
  }
  return context;
}

async function readConfigFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new CliExit(EXIT.refused, `The file ${file} does not exist or cannot be read.`);
  }
}

/** `config.toml:12: error: …`, the form editors and CI logs know how to jump to. */
export function formatProblem(file: string, problem: SourceProblem): string {
  // One output line per problem, whatever the message holds.
  const message = problem.message.replace(/[\r\n]+/g, ' ');
  return `${file}:${problem.line}: ${problem.severity}: ${message}`;
}

async function checkFile(file: string, options: ContextOptions): Promise<SourceCheck> {
  const context = contextFrom(options);
  return checkBlueprintSource(await readConfigFile(file), { fileName: file, ...context });
}

/** `bootstick blueprint check <file>`: exit 1 when anything would be refused, else 0. */
export async function blueprintCheckCommand(
  file: string,
  options: ContextOptions & { json?: boolean },
): Promise<number> {
  const check = await checkFile(file, options);
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ file, format: check.format, ok: check.ok, problems: check.problems }, null, 2)}\n`,
    );
  } else {
    for (const problem of check.problems) process.stdout.write(`${formatProblem(file, problem)}\n`);
    if (check.ok) process.stderr.write(`${file}: ready for bootc-image-builder (${check.format}).\n`);
  }
  return check.ok ? EXIT.ok : EXIT.failed;
}

/** `bootstick blueprint export <file>`: the bib config on stdout, passwords hashed, or exit 1. */
export async function blueprintExportCommand(
  file: string,
  options: ContextOptions & { format?: string },
): Promise<number> {
  let format: BlueprintFormat = 'toml';
  if (options.format !== undefined) {
    const parsed = BlueprintFormatSchema.safeParse(options.format);
    if (!parsed.success)
      throw new CliExit(EXIT.refused, `Unknown format ${JSON.stringify(options.format)}; use toml or json.`);
    format = parsed.data;
  }
  const check = await checkFile(file, options);
  for (const problem of check.problems) process.stderr.write(`${formatProblem(file, problem)}\n`);
  if (!check.ok || !check.blueprint) {
    process.stderr.write(`${file}: not exported; fix the errors above first.\n`);
    return EXIT.failed;
  }
  const hashed = hashBlueprintPasswords(check.blueprint);
  process.stdout.write(format === 'json' ? stringifyBlueprintJson(hashed) : stringifyBlueprintToml(hashed));
  return EXIT.ok;
}

/** Adds `blueprint check` and `blueprint export` to the CLI. */
export function registerBlueprintCommand(program: Command): void {
  const blueprint = program
    .command('blueprint')
    .description('Check or export a bootc-image-builder config (config.toml or config.json)');
  blueprint
    .command('check')
    .description('Report every problem bib or osbuild would refuse, with its line; exit 1 on any error')
    .argument('<file>', 'a bib config: .toml or .json (the legacy {"blueprint": …} JSON too)')
    .option('--type <type>', `the image type it is for (${ImageTypeSchema.options.join(', ')})`)
    .option('--rootfs <fs>', `the root filesystem (${RootFsSchema.options.join(', ')})`)
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options) => {
      process.exitCode = await blueprintCheckCommand(file, options);
    });
  blueprint
    .command('export')
    .description('Print the config bib should get, with every password hashed; refuses what check refuses')
    .argument('<file>', 'a bib config: .toml or .json')
    .option('--format <format>', 'toml (default) or json')
    .option('--type <type>', 'the image type it is for')
    .option('--rootfs <fs>', 'the root filesystem')
    .action(async (file: string, options) => {
      process.exitCode = await blueprintExportCommand(file, options);
    });
}
