import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { appDataDir } from '../core/appDataDir';
import { gatherDriveFacts } from '../core/drives/gatherDriveFacts';
import { batchRowOf } from '../core/station/batchReport';
import { drivePort } from '../core/station/drivePort';
import { createStation, type StationEvent } from '../core/station/station';
import { writeBatchReport } from '../core/station/writeBatchReport';
import { writeFileAtomic } from '../core/store/writeFileAtomic';
import { parseDataSize } from '../shared/blueprint/dataSize';
import { formatBytes } from '../shared/format/formatBytes';
import { en } from '../shared/i18n/catalogue';
import { translateFrom } from '../shared/i18n/translate';
import { describeStationRefusal } from '../shared/station/describeStationRefusal';
import { parseStationLayout, stationLayoutText } from '../shared/station/stationLayout';
import type { Slot, SlotView } from '../shared/station/stationSlots';
import { CliExit, EXIT } from './jobOutcome';
import { newJobId, startCliHelper } from './runHelperJob';

const translate = translateFrom(en);

export interface StationCommandOptions {
  slot?: string[];
  layout?: string;
  virtual?: boolean;
  count?: string;
  minSize?: string;
  maxSize?: string;
  verify: boolean;
  eject?: boolean;
  json?: boolean;
  reportDir?: string;
  stallSeconds?: string;
  saveLayout?: string;
}

/** "<port>=<name>": the port first, since a name may hold any character. */
function parseSlot(text: string): Slot {
  const at = text.indexOf('=');
  if (at <= 0 || at === text.length - 1) {
    throw new CliExit(
      EXIT.refused,
      `--slot ${text}: write it as <port>=<name>, e.g. pci-0000:00:14.0-usb-0:2.3="hub A, 3".`,
    );
  }
  return { port: text.slice(0, at), name: text.slice(at + 1) };
}

async function slotsOf(options: StationCommandOptions): Promise<Slot[]> {
  const slots = (options.slot ?? []).map(parseSlot);
  if (options.layout) {
    const text = await readFile(options.layout, 'utf8').catch(() => null);
    if (text === null) throw new CliExit(EXIT.refused, `The layout ${options.layout} cannot be read.`);
    const parsed = parseStationLayout(text);
    if (!parsed.ok)
      throw new CliExit(EXIT.refused, `${options.layout} is not a station layout: ${parsed.problem}.`);
    slots.push(...parsed.layout.slots);
  }
  if (slots.length === 0)
    throw new CliExit(EXIT.refused, 'Arm at least one port: --slot <port>=<name> or --layout <file>.');
  const ports = slots.map((slot) => slot.port);
  const twice = ports.find((port, index) => ports.indexOf(port) !== index);
  if (twice) throw new CliExit(EXIT.refused, `The port ${twice} is armed twice.`);
  return slots;
}

function sizeOption(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const parsed = parseDataSize(text);
  if (!parsed.ok) throw new CliExit(EXIT.refused, `${name} ${text}: ${parsed.message}`);
  return parsed.bytes;
}

function countOption(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (!/^[1-9]\d{0,5}$/.test(text))
    throw new CliExit(EXIT.refused, `--count ${text}: give a whole number of sticks, 1 or more.`);
  return Number(text);
}

function describeSlot(slot: SlotView): string {
  const phase = translate(`station.phase.${slot.phase}`);
  const drive = slot.drive ? ` ${slot.drive}` : '';
  const speed = slot.speed !== null && slot.phase === 'writing' ? ` ${formatBytes(slot.speed)}/s` : '';
  const flags = [slot.slow ? translate('station.slow') : '', slot.stalled ? translate('station.stalled') : '']
    .filter(Boolean)
    .map((flag) => ` (${flag})`)
    .join('');
  const why = slot.reasons.map((reason) => describeStationRefusal(reason, translate)).join('; ');
  const detail = slot.error ?? why;
  return `[${slot.name}]${drive}: ${phase}${speed}${flags}${detail ? ` — ${detail}` : ''}`;
}

function printEvent(event: StationEvent, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(event)}\n`);
    return;
  }
  if (event.type === 'slot' && event.slot.phase !== 'writing' && event.slot.phase !== 'verifying') {
    process.stdout.write(`${describeSlot(event.slot)}\n`);
  } else if (event.type === 'slot' && event.slot.bytes === 0) {
    process.stdout.write(`${describeSlot(event.slot)}\n`);
  } else if (event.type === 'unarmedDrive') {
    process.stdout.write(`${translate('station.unarmedDrive', { drive: event.drive })}\n`);
  } else if (event.type === 'enumerationFailed') {
    process.stderr.write(`bootstick: could not list the drives, so no stick is seen: ${event.message}\n`);
  } else if (event.type === 'enumerationRecovered') {
    process.stderr.write('bootstick: the drives can be listed again; sticks put in are seen.\n');
  } else if (event.type === 'disarmed') {
    process.stdout.write(`${translate(`station.disarmed.${event.why}`)}\n`);
  }
}

/**
 * `bootstick station <image>`: arms the named ports; every stick that appears in one and passes
 * every rule is written, verified and counted, without a question. Runs until --count sticks are
 * done or until interrupted (Ctrl-C disarms and lets the sticks being written finish), then
 * writes the batch report. Exit 0 when every written stick verified, 1 when any failed.
 */
export async function stationCommand(image: string, options: StationCommandOptions): Promise<number> {
  const slots = await slotsOf(options);
  if (options.saveLayout) {
    // The ports as armed now, under their names, for `--layout` next time.
    const layout = { name: basename(options.saveLayout).replace(/\.json$/, ''), slots };
    await writeFileAtomic(options.saveLayout, stationLayoutText(layout), 0o644);
  }
  const target = countOption(options.count);
  const minBytes = sizeOption('--min-size', options.minSize, 0);
  const maxBytes = sizeOption('--max-size', options.maxSize, 2 * 1024 ** 4);
  const stallSeconds = options.stallSeconds === undefined ? 20 : Number(options.stallSeconds);
  if (!(stallSeconds > 0))
    throw new CliExit(
      EXIT.refused,
      `--stall-seconds ${options.stallSeconds}: give a number of seconds above 0.`,
    );
  const json = options.json === true;
  const helper = await startCliHelper();
  const armedAt = new Date().toISOString();
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const station = createStation({
    helper,
    image,
    slots,
    verify: options.verify,
    eject: options.eject === true,
    minBytes,
    maxBytes,
    virtual: options.virtual === true,
    target,
    stallAfterMs: stallSeconds * 1000,
    newJobId,
    onEvent: (event) => {
      printEvent(event, json);
      if (event.type === 'disarmed') finish();
    },
  });
  const stop = () => station.disarm();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    await station.arm();
    if (!json) process.stderr.write(`Armed ${slots.length} port(s); Ctrl-C disarms.\n`);
    await finished;
    await station.settled();
  } finally {
    station.close();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await helper.close();
  }
  const rows = station.records().map(batchRowOf);
  const report = await writeBatchReport(options.reportDir ?? join(appDataDir(), 'station'), {
    image,
    armedAt,
    endedAt: new Date().toISOString(),
    rows,
  });
  const counters = station.counters();
  const summary = { type: 'batch', counters, report };
  process.stdout.write(
    json
      ? `${JSON.stringify(summary)}\n`
      : `Done ${counters.done}, failed ${counters.failed}, refused ${counters.refused}. Report: ${report.csv}\n`,
  );
  return rows.some((row) => row.result === 'failed') ? EXIT.failed : EXIT.ok;
}

/** `bootstick ports`: the port of every drive seen now, to arm as a slot. */
export async function portsCommand(options: { virtual?: boolean; json?: boolean }): Promise<string> {
  const drives = await gatherDriveFacts({ includeVirtual: options.virtual === true });
  const ports = await Promise.all(
    drives.map(async (drive) => ({
      drive: drive.path,
      description: drive.description,
      port: await drivePort(drive, { loopBackingFileIsPort: options.virtual === true }),
    })),
  );
  if (options.json) return JSON.stringify(ports, null, 2);
  return ports
    .map((entry) => `${entry.drive}\t${entry.port ?? '(no USB port)'}\t${entry.description}`)
    .join('\n');
}
