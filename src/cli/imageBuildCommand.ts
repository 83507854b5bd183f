import { resolve } from 'node:path';
import type { Command } from 'commander';
import { createContainerImageService } from '../core/containerImages/containerImageService';
import { createSharedHelper } from '../core/privileged/sharedHelper';
import type { BuildArgs, ImageBuildFinished } from '../shared/containerImages/containerfileBuild';
import { CliExit, EXIT } from './jobOutcome';
import { startCliHelper } from './runHelperJob';

export interface ImageBuildCommandOptions {
  file?: string;
  tag: string;
  buildArg: string[];
  json?: boolean;
}

/** `--build-arg KEY=VALUE`, repeatable, as podman takes it; the value may itself contain `=`. */
function parseBuildArgs(pairs: string[]): BuildArgs {
  const args: BuildArgs = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new CliExit(EXIT.refused, `--build-arg ${pair}: write it as KEY=VALUE.`);
    args[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return args;
}

function describeResult(result: ImageBuildFinished): string {
  if (result.ok) return `Built ${result.tag} (image ${result.imageId?.slice(0, 12)}).`;
  if (result.cancelled) return `The build of ${result.tag} was cancelled; nothing was tagged.`;
  const last = result.tail.slice(-5).join('\n');
  return `The build of ${result.tag} failed${last ? `:\n${last}` : '.'}`;
}

/**
 * `bootstick image build <context> --tag localhost/name:tag`: builds a Containerfile with root's
 * podman through the privileged helper, as the app does. podman's output goes to stderr as it
 * comes. Exit 0 built, 1 failed or cancelled, 2 refused (bad name, folder, Containerfile).
 */
export async function imageBuildCommand(context: string, options: ImageBuildCommandOptions): Promise<number> {
  const buildArgs = parseBuildArgs(options.buildArg);
  const helper = createSharedHelper(startCliHelper);
  const service = createContainerImageService({
    helper: helper.get,
    events: {
      log: (_, lines) => {
        for (const { line } of lines) process.stderr.write(`${line}\n`);
      },
      finished: () => {},
    },
  });
  let current: string | null = null;
  const cancel = () => {
    if (current) void service.cancel(current);
  };
  process.on('SIGINT', cancel);
  try {
    const result = await service.run(
      {
        contextDir: resolve(context),
        tag: options.tag,
        ...(options.file ? { containerfile: resolve(options.file) } : {}),
        ...(Object.keys(buildArgs).length > 0 ? { buildArgs } : {}),
      },
      (buildId) => {
        current = buildId;
      },
    );
    // Refused, or no administrator rights: nothing was built. A bad name or build argument never
    // got this far: the service checks the request before it starts the helper.
    if (result.error && result.error.code !== 'internal') {
      throw new CliExit(EXIT.refused, result.error.message);
    }
    if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else process.stderr.write(`${result.error ? result.error.message : describeResult(result)}\n`);
    return result.ok ? EXIT.ok : EXIT.failed;
  } finally {
    process.off('SIGINT', cancel);
    await helper.dispose();
  }
}

export function registerImageCommand(program: Command): void {
  const image = program
    .command('image')
    .description('bootc container images: build one from a Containerfile');
  image
    .command('build')
    .description("Build a bootc image from a Containerfile with root's podman (bib only sees root's images)")
    .argument('<context>', 'the folder with the Containerfile and the files it copies')
    .option(
      '-f, --file <containerfile>',
      'the Containerfile, inside <context> (default: <context>/Containerfile)',
    )
    .requiredOption('-t, --tag <name>', 'the image name: localhost/<name>:<tag>')
    .option(
      '--build-arg <KEY=VALUE>',
      'a build argument for an ARG in the Containerfile (repeatable)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--json', 'print the result as JSON')
    .action(async (context: string, options: ImageBuildCommandOptions) => {
      process.exitCode = await imageBuildCommand(context, options);
    });
}
