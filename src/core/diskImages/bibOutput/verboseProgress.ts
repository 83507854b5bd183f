import type { BuildPhase, BuildProgress, BuildStage } from '../../../shared/diskImages/buildProgress';
import type { ManifestStage } from './manifestStages';
import { type BandedPhase, phaseFraction } from './progressBands';
import { StagePlan } from './stagePlan';
import { cleanTerminalLine, type OutputStream } from './terminalText';

// bib's own progress lines (`--progress verbose`: one message per line on stderr; before
// Dec 2024 on stdout, with "DONE" and a two-line "Results saved in\n<dir>").
const GENERATING_MANIFEST = /^Generating manifest \S+$/;
const MANIFEST_STEP = /^Manifest generation step$/;
/**
 * images manifestgen prints a blueprint warning with fmt.Fprint, no newline, so this can come glued
 * to its end ("…customizations.filesystem: not supportedDone generating manifest").
 */
const MANIFEST_DONE = /(?:^|not supported)(?:Done generating manifest|DONE)$/;
const BUILDING_STEP = /^(?:(?:Disk )?[Ii]mage building step|Building manifest-\S+\.json)$/;
const BUILD_COMPLETE = /^Build complete!$/;
const RESULTS_SAVED = /^Results saved in\b/;
/** bib's fatal record, `log.Fatalf("error: %s")`; wherever it sits (a test harness may wrap it). */
const BIB_FATAL = /\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} error: (.*)$/;
/** What term/debug modes put before the same messages, should bib ever run in them. */
const MODE_DECORATION = /^(?:\[[|/\\-]\] |Message: |msg: |pulse: )/;

// osbuild's LogMonitor text (osbuild/monitor.py, main_cli.py). "starting -" is printed without
// a newline, so the first header arrives glued to it.
const SOURCE_START = /Pipeline source (\S+): [0-9a-f]{64}$/;
const PIPELINE_START = /(?:^|[\s-])Pipeline ([A-Za-z0-9._-]+): [0-9a-f]{64}$/;
const STAGE_START = /^(?:Assembler )?(org\.osbuild\.[A-Za-z0-9._-]+): [0-9a-f]{64} [{[]/;
const STAGE_END = /^⏱\s*Duration: /;
const OSBUILD_SUCCEEDED = /^manifest \S+ finished successfully$/;
const OSBUILD_FAILED = /^(?:manifest \S+ failed|Failed|Aborted)$/;

const BUILD_COMPLETE_WITHIN_FINISHING = 0.5;
/** Phases in the order a build goes through them; progress lines never move a build back. */
const PHASE_ORDER: readonly BuildPhase[] = [
  'preflight',
  'pulling',
  'manifest',
  'building',
  'finishing',
  'done',
];

/**
 * Follows `bib build --progress verbose` line by line and says how far the build is.
 *
 * The fraction comes from the manifest's own stage list (from `bib manifest`, run just before):
 * stage k of n started means k-1 of n are done. Every stage weighs the same. osbuild reports no
 * cost per stage, and any weights would be guesses (an rpm or bootc install stage runs for
 * minutes, a mkdir for a second); equal weights are honest, cannot go backwards and match
 * osbuild's own counters. A stage the list does not have (a newer osbuild, a stage repeated past
 * its count) is shown by name but moves nothing. Without a list the bar waits at the start of
 * the building phase and stages are only counted.
 */
export class VerboseProgressTracker {
  private readonly plan: StagePlan | null;
  // Created before anything runs, so the phases Bootstick runs itself can come through here too.
  private phase: BuildPhase = 'preflight';
  private fraction = 0;
  private stage: BuildStage | null = null;
  private message = '';
  private pipeline: string | null = null;
  private stageRunning = false;
  private stagesSeen = 0;

  constructor(
    private readonly buildId: string,
    stages: readonly ManifestStage[] | null,
  ) {
    this.plan = stages && stages.length > 0 ? new StagePlan(stages) : null;
  }

  /** The state as it stands. */
  snapshot(): BuildProgress {
    return {
      buildId: this.buildId,
      phase: this.phase,
      stage: this.stage === null ? null : { ...this.stage },
      fraction: this.fraction,
      message: this.message,
    };
  }

  /**
   * One line of bib's output, from either stream (bib moved its messages from stdout to stderr
   * in Dec 2024; osbuild writes to both). Returns the new state when the line changed it, else
   * null: most lines are stage output and change nothing.
   */
  feed(_stream: OutputStream, rawLine: string): BuildProgress | null {
    if (this.isFinal()) return null;
    const line = cleanTerminalLine(rawLine).replace(MODE_DECORATION, '');
    if (line.trim() === '') return null;
    const before = this.snapshot();
    this.apply(line);
    const after = this.snapshot();
    return sameProgress(before, after) ? null : after;
  }

  /** A phase Bootstick runs itself (checks, pulls, `bib manifest`), `within` 0..1 through it. */
  enterPhase(
    phase: Exclude<BandedPhase, 'building' | 'finishing'>,
    message: string,
    within = 0,
  ): BuildProgress {
    if (!this.isFinal()) this.set(phase, phaseFraction(phase, within), message);
    return this.snapshot();
  }

  /** How the build ended; decided by the caller from bib's exit status, which has the last word. */
  finish(phase: 'done' | 'failed' | 'cancelled', message: string): BuildProgress {
    this.phase = phase;
    this.message = message;
    this.stageRunning = false;
    if (phase === 'done') this.fraction = 1;
    return this.snapshot();
  }

  private apply(line: string): void {
    const fatal = BIB_FATAL.exec(line);
    if (fatal) {
      this.message = `error: ${fatal[1] ?? ''}`;
      return;
    }
    if (GENERATING_MANIFEST.test(line) || MANIFEST_STEP.test(line)) {
      this.set('manifest', phaseFraction('manifest'), line);
    } else if (MANIFEST_DONE.test(line)) {
      this.set('manifest', phaseFraction('manifest', 1), 'Done generating manifest');
    } else if (BUILDING_STEP.test(line)) {
      this.set('building', phaseFraction('building'), line);
    } else if (SOURCE_START.test(line)) {
      this.set(
        'building',
        phaseFraction('building'),
        `Pipeline source ${SOURCE_START.exec(line)?.[1] ?? ''}`,
      );
    } else if (PIPELINE_START.test(line)) {
      this.startPipeline(PIPELINE_START.exec(line)?.[1] ?? '');
    } else if (STAGE_START.test(line)) {
      this.startStage(STAGE_START.exec(line)?.[1] ?? '');
    } else if (STAGE_END.test(line)) {
      this.endStage();
    } else if (OSBUILD_SUCCEEDED.test(line)) {
      this.stageRunning = false;
      this.set('finishing', phaseFraction('finishing'), 'Copying the image into the output folder');
    } else if (OSBUILD_FAILED.test(line)) {
      this.stageRunning = false;
      this.message = `osbuild: ${line}`;
    } else if (BUILD_COMPLETE.test(line)) {
      this.set('finishing', phaseFraction('finishing', BUILD_COMPLETE_WITHIN_FINISHING), line);
    } else if (RESULTS_SAVED.test(line)) {
      this.set('done', 1, line);
    }
  }

  private startPipeline(name: string): void {
    this.pipeline = name;
    this.stageRunning = false;
    const before = this.plan?.stagesBeforePipeline(name) ?? null;
    const fraction = before === null || !this.plan ? this.fraction : this.stageFraction(before);
    this.set('building', fraction, `Pipeline ${name}`);
  }

  private startStage(stageType: string): void {
    this.stagesSeen += 1;
    this.stageRunning = true;
    const pipeline = this.pipeline ?? '';
    const message = pipeline ? `${stageType} (pipeline ${pipeline})` : stageType;
    if (!this.plan) {
      this.stage = { index: this.stagesSeen, total: 0, name: stageType, pipeline };
      this.set('building', this.fraction, message);
      return;
    }
    const index = this.plan.advanceTo(this.pipeline, stageType);
    if (index === null) {
      // Not in the list: name it, but keep the position and the bar where they are.
      this.stage = { index: this.plan.current + 1, total: this.plan.total, name: stageType, pipeline };
      this.set('building', this.fraction, message);
      return;
    }
    this.stage = { index: index + 1, total: this.plan.total, name: stageType, pipeline };
    this.set('building', this.stageFraction(index), message);
  }

  private endStage(): void {
    if (!this.stageRunning) return;
    this.stageRunning = false;
    if (this.plan && this.plan.current >= 0) this.set(this.phase, this.stageFraction(this.plan.current + 1));
  }

  /** The overall fraction once `done` stages of the list are finished. */
  private stageFraction(done: number): number {
    const total = this.plan?.total ?? 0;
    return total === 0 ? this.fraction : phaseFraction('building', done / total);
  }

  /** Moves on; neither phase nor fraction ever goes back, whatever order the lines come in. */
  private set(phase: BuildPhase, fraction: number, message?: string): void {
    if (PHASE_ORDER.indexOf(phase) > PHASE_ORDER.indexOf(this.phase)) this.phase = phase;
    this.fraction = Math.min(1, Math.max(this.fraction, fraction));
    if (message !== undefined) this.message = message;
  }

  private isFinal(): boolean {
    return this.phase === 'done' || this.phase === 'failed' || this.phase === 'cancelled';
  }
}

function sameProgress(a: BuildProgress, b: BuildProgress): boolean {
  return (
    a.phase === b.phase &&
    a.fraction === b.fraction &&
    a.message === b.message &&
    a.stage?.index === b.stage?.index &&
    a.stage?.name === b.stage?.name &&
    a.stage?.pipeline === b.stage?.pipeline
  );
}
