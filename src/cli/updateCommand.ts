import type { Command } from 'commander';
import { createSharedHelper } from '../core/privileged/sharedHelper';
import { compareImages } from '../core/updates/compareImages';
import { UPDATE_READ_WORDS, UpdateReadError } from '../core/updates/updateReadError';
import { formatUpdateDiff } from './formatUpdateDiff';
import { CliExit, EXIT } from './jobOutcome';
import { startCliHelper } from './runHelperJob';
import { translate } from './translate';

export interface UpdateDiffOptions {
  insecure?: boolean;
  arch?: string;
  json?: boolean;
}

/**
 * `bootstick update diff <from> <to>`: what hosts running `from` download to get `to`. Either may
 * be in root's storage (through the helper) or in a registry (skopeo, as the person). Exit 0 with
 * the answer, 2 when an image cannot be read (in words saying why).
 */
export async function updateDiffCommand(
  from: string,
  to: string,
  options: UpdateDiffOptions,
): Promise<number> {
  const helper = createSharedHelper(startCliHelper);
  try {
    const diff = await compareImages(from, to, helper.get, {
      insecure: options.insecure,
      ...(options.arch ? { architecture: options.arch } : {}),
    });
    process.stdout.write(
      options.json ? `${JSON.stringify(diff, null, 2)}\n` : `${formatUpdateDiff(diff, translate)}\n`,
    );
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UpdateReadError) {
      throw new CliExit(EXIT.refused, translate(UPDATE_READ_WORDS[error.reason], error.values));
    }
    throw error;
  } finally {
    await helper.dispose();
  }
}

export function registerUpdateCommand(program: Command): void {
  const update = program
    .command('update')
    .description('What an update costs the hosts, before it is published');
  update
    .command('diff')
    .description(
      'Layers and bytes hosts running <from> will download to get <to> (bootc fetches whole changed layers)',
    )
    .argument(
      '<from>',
      'what the hosts run: a registry reference, a digest reference, or an image in root’s storage',
    )
    .argument('<to>', 'the new version (prefix docker:// or containers-storage: to say where)')
    .option('--insecure', 'the registry is a local one without TLS verification')
    .option('--arch <arch>', 'the hosts’ architecture, for multi-architecture indexes')
    .option('--json', 'print the comparison as JSON')
    .action(async (from: string, to: string, options: UpdateDiffOptions) => {
      process.exitCode = await updateDiffCommand(from, to, options);
    });
}
