import type { Command } from 'commander';
import { createSharedHelper } from '../core/privileged/sharedHelper';
import { publishVersion } from '../core/updates/publishVersion';
import { AppError } from '../shared/errors';
import { tagOf } from '../shared/updates/imageSpec';
import type { PushResult } from '../shared/updates/pushImage';
import { PUSH_FAILURE_WORDS } from '../shared/updates/updateWords';
import { CliExit, EXIT } from './jobOutcome';
import { startCliHelper } from './runHelperJob';
import { translate } from './translate';

export interface PushOptions {
  movingTag: string | false;
  insecure?: boolean;
  authfile?: string;
  json?: boolean;
}

function describe(result: PushResult, image: string, ref: string, options: PushOptions): string {
  const tag = options.movingTag || '';
  const values = { image, ref, tag, path: options.authfile ?? '', detail: result.detail ?? '' };
  if (result.cancelled) return translate('updates.push.cancelled', values);
  const lines: string[] = [];
  if (result.digest)
    lines.push(translate('updates.push.pushed', { ...values, ref: `${ref} (${result.digest})` }));
  if (result.failure) lines.push(translate(PUSH_FAILURE_WORDS[result.failure], values));
  if (result.movedTag) lines.push(translate('updates.push.movedTag', values));
  else if (tag) lines.push(translate('updates.push.tagKept', values));
  return lines.join('\n');
}

/**
 * `bootstick push <image> <ref>`: publishes a version from root's storage through the helper,
 * then moves the moving tag (default `stable`) to it. podman's progress goes to stderr. Exit 0
 * pushed and tagged, 1 failed or cancelled, 2 refused before anything was sent.
 */
export async function pushCommand(image: string, ref: string, options: PushOptions): Promise<number> {
  if (!tagOf(ref)) throw new CliExit(EXIT.refused, translate('updates.push.badReference', { ref }));
  const helper = createSharedHelper(startCliHelper);
  let jobId: string | null = null;
  const cancel = () => {
    if (jobId)
      void helper.get().then((client) => client.call({ method: 'cancel', params: { jobId: jobId ?? '' } }));
  };
  process.on('SIGINT', cancel);
  try {
    const result = await publishVersion(
      {
        image,
        destination: ref,
        insecure: options.insecure === true,
        ...(options.movingTag ? { movingTag: options.movingTag } : {}),
        ...(options.authfile ? { authFile: options.authfile } : {}),
      },
      helper.get,
      (line) => process.stderr.write(`${line}\n`),
      (id) => {
        jobId = id;
      },
    );
    if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    const words = describe(result, image, ref, options);
    if (!result.ok && result.failure === 'unknownImage') throw new CliExit(EXIT.refused, words);
    process.stderr.write(`${words}\n`);
    return result.ok ? EXIT.ok : EXIT.failed;
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalidInput') {
      throw new CliExit(EXIT.refused, `${translate('updates.push.badReference', { ref })}\n${error.message}`);
    }
    throw error;
  } finally {
    process.off('SIGINT', cancel);
    await helper.dispose();
  }
}

export function registerPushCommand(program: Command): void {
  program
    .command('push')
    .description(
      'Publish a version: push an image from root’s storage to a registry, then move the moving tag to it',
    )
    .argument('<image>', 'the image in root’s storage, e.g. localhost/my-os:2')
    .argument('<ref>', 'the version’s registry reference, e.g. registry.example.com/org/my-os:2')
    .option('--moving-tag <tag>', 'the tag hosts follow, moved only once the version is complete', 'stable')
    .option('--no-moving-tag', 'push the version tag only')
    .option('--insecure', 'a local registry without TLS verification (never for a real registry)')
    .option(
      '--authfile <file>',
      'your podman login file (default: where podman keeps it); read as you, never stored',
    )
    .option('--json', 'print the push result as JSON')
    .action(async (image: string, ref: string, options: PushOptions) => {
      process.exitCode = await pushCommand(image, ref, options);
    });
}
