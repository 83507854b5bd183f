import { appDataDir } from '../core/appDataDir';
import { createDiskImageService } from '../core/diskImages/diskImageService';
import { createSharedHelper } from '../core/privileged/sharedHelper';
import { openSettingsStore } from '../core/store/settingsStore';
import type { BuildProgress } from '../shared/diskImages/buildProgress';
import type { BuildRecord } from '../shared/diskImages/buildRecord';
import type { ImageType, RootFs, TargetArch } from '../shared/diskImages/imageTypes';
import { formatBytes } from '../shared/format/formatBytes';
import { isTrackableReference } from '../shared/updates/updateSource';
import { loadBlueprintForCli } from './blueprintFile';
import { confirm } from './confirm';
import { CliExit, EXIT, refusalToExit } from './jobOutcome';
import { startCliHelper } from './runHelperJob';
import { translate } from './translate';

export interface BuildCommandOptions {
  type: ImageType;
  config?: string;
  output: string;
  bibImage?: string;
  rootfs?: RootFs;
  targetArch?: TargetArch;
  pull?: boolean;
  json?: boolean;
  updatesFrom?: string;
  yes?: boolean;
}

/** One stderr line whenever the phase or the stage changes: readable in a terminal and in a log. */
function progressPrinter(stream: NodeJS.WriteStream = process.stderr) {
  let last = '';
  return (progress: BuildProgress) => {
    const stage = progress.stage
      ? ` [${progress.stage.index}/${progress.stage.total}] ${progress.stage.name}`
      : '';
    const key = `${progress.phase}${stage}`;
    if (key === last) return;
    last = key;
    stream.write(
      `${String(Math.floor(progress.fraction * 100)).padStart(3)}%  ${progress.phase}${stage}  ${progress.message}\n`,
    );
  };
}

function describeRecord(record: BuildRecord): string {
  if (record.outcome === 'succeeded' || record.outcome === 'cached') {
    const how = record.outcome === 'cached' ? 'Reused an identical earlier build' : 'Built';
    return `${how}: ${record.artifact} (${formatBytes(record.artifactBytes)})`;
  }
  const detail = record.error?.detail ? `\n${record.error.detail}` : '';
  return `Build ${record.outcome}: ${record.error?.message ?? 'unknown error'}${detail}\nLog: ${record.logFile}`;
}

/**
 * A build whose installed system could never update says so before it starts. On a terminal the
 * person confirms (no: nothing is built); in a script the warning stands on stderr and `--yes`
 * is the confirmation given in advance.
 */
async function confirmUntrackable(image: string, options: BuildCommandOptions): Promise<void> {
  process.stderr.write(`warning: ${translate('updates.updatesFrom.localOnly', { ref: image })}\n`);
  if (options.yes || !process.stdin.isTTY) return;
  if (!(await confirm('Build anyway?'))) throw new CliExit(EXIT.refused, 'Nothing was built.');
}

/**
 * `bootstick build <image> --type raw --config <file> --output <dir>`: runs bootc-image-builder
 * through the privileged helper exactly as the app does. Exit 0 built (or reused), 1 failed or
 * cancelled, 2 refused (bad config, misuse).
 */
export async function buildCommand(image: string, options: BuildCommandOptions): Promise<number> {
  if (options.updatesFrom !== undefined && !isTrackableReference(options.updatesFrom)) {
    throw new CliExit(EXIT.refused, translate('updates.updatesFrom.invalid', { ref: options.updatesFrom }));
  }
  if (options.updatesFrom === undefined && !isTrackableReference(image))
    await confirmUntrackable(image, options);
  const config = options.config ? await loadBlueprintForCli(options.config, options.type) : {};
  const dataDir = appDataDir();
  const settings = await openSettingsStore(dataDir);
  const helper = createSharedHelper(startCliHelper);
  const printProgress = options.json ? () => {} : progressPrinter();
  const builds = createDiskImageService({
    dataDir,
    getSettings: settings.get,
    helper: helper.get,
    events: { progress: printProgress, log: () => {}, finished: () => {} },
  });
  let current: string | null = null;
  const cancel = () => {
    if (current) void builds.cancel(current);
  };
  process.on('SIGINT', cancel);
  try {
    const client = await helper.get().catch(refusalToExit);
    // bib hands the source image's name to the installed system: give it the name hosts track.
    const sourceImage = options.updatesFrom
      ? (await client.call({ method: 'tagForUpdates', params: { image, ref: options.updatesFrom } })).tagged
      : image;
    if (options.updatesFrom) {
      process.stderr.write(`${translate('updates.updatesFrom.tagged', { image, ref: sourceImage })}\n`);
    }
    const record = await builds.run(
      {
        sourceImage,
        type: options.type,
        config,
        outputDir: options.output,
        pullMissing: options.pull === true,
        ...(options.bibImage ? { bibImage: options.bibImage } : {}),
        ...(options.rootfs ? { rootfs: options.rootfs } : {}),
        ...(options.targetArch ? { targetArch: options.targetArch } : {}),
      },
      (buildId) => {
        current = buildId;
      },
    );
    if (options.json) process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
    else process.stderr.write(`${describeRecord(record)}\n`);
    return record.outcome === 'succeeded' || record.outcome === 'cached' ? EXIT.ok : EXIT.failed;
  } catch (error) {
    if (error instanceof CliExit) throw error;
    throw new CliExit(EXIT.refused, error instanceof Error ? error.message : String(error));
  } finally {
    process.off('SIGINT', cancel);
    await helper.dispose();
  }
}
