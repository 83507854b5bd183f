import { gatherDriveFacts } from '../core/drives/gatherDriveFacts';
import type { HelperClient } from '../core/privileged/helperClient';
import { formatBytes } from '../shared/format/formatBytes';
import { confirm } from './confirm';
import { CliExit, EXIT, finishJob, refusalToExit } from './jobOutcome';
import { createProgressPrinter } from './progressPrinter';
import { newJobId, runHelperJob } from './runHelperJob';

export interface FlashCommandOptions {
  virtual?: boolean;
  verify: boolean;
  full?: boolean;
  yes?: boolean;
  json?: boolean;
  eject?: boolean;
}

/** Names every drive about to be erased, with its size, so the person can be sure. */
async function describeTargets(paths: readonly string[], includeVirtual: boolean): Promise<string> {
  const drives = await gatherDriveFacts({ includeVirtual });
  return paths
    .map((path) => {
      const drive = drives.find((candidate) => candidate.path === path);
      return drive
        ? `  ${path}  ${formatBytes(drive.size)}  ${drive.description}`
        : `  ${path}  (not a drive Bootstick sees)`;
    })
    .join('\n');
}

/** Progress on stderr, except for --json (stdout then carries only the report). */
const showProgress = (json: boolean) => (helper: HelperClient) => {
  if (!json) helper.onProgress(createProgressPrinter());
};

/** `bootstick flash <image> <drive>...`: exit 0 when every drive verified, 1 when any failed, 2 when refused. */
export async function flashCommand(
  image: string,
  drives: string[],
  options: FlashCommandOptions,
): Promise<number> {
  if (!options.yes) {
    const list = await describeTargets(drives, options.virtual === true);
    if (!process.stdin.isTTY) {
      throw new CliExit(
        EXIT.refused,
        `Refusing to erase without confirmation (no terminal): pass --yes.\n${list}`,
      );
    }
    process.stderr.write(`Everything on these drives will be erased:\n${list}\n`);
    if (!(await confirm('Write the image to them?'))) throw new CliExit(EXIT.refused, 'Nothing was written.');
  }
  const result = await runHelperJob(
    {
      method: 'flash',
      params: {
        jobId: newJobId(),
        image,
        drives,
        options: {
          verify: options.verify,
          full: options.full === true,
          includeVirtual: options.virtual === true,
          eject: options.eject === true,
        },
      },
    },
    showProgress(options.json === true),
  ).catch(refusalToExit);
  return finishJob(result, options.json === true);
}

/** `bootstick verify <image> <drive>`: compares without writing; exit 0 on a match. */
export async function verifyCommand(
  image: string,
  drive: string,
  options: { virtual?: boolean; json?: boolean },
) {
  const result = await runHelperJob(
    {
      method: 'verify',
      params: { jobId: newJobId(), image, drive, includeVirtual: options.virtual === true },
    },
    showProgress(options.json === true),
  ).catch(refusalToExit);
  return finishJob(result, options.json === true);
}
