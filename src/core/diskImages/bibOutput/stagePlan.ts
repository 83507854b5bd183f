import type { ManifestStage } from './manifestStages';

/**
 * The manifest's stage list, walked as osbuild runs it. osbuild builds pipelines in manifest
 * order and stages in pipeline order, but skips what its store already holds: a cached pipeline
 * prints only its header, and a pipeline with cached leading stages starts further in. So a
 * stage is looked up forward from the current position, within the pipeline osbuild announced,
 * and the position only ever moves forward.
 */
export class StagePlan {
  /** Index of the stage running or last run; -1 before the first. */
  private position = -1;
  private readonly pipelines = new Map<string, { first: number; end: number }>();

  constructor(readonly stages: readonly ManifestStage[]) {
    stages.forEach((stage, index) => {
      const range = this.pipelines.get(stage.pipeline);
      if (range) range.end = index + 1;
      else this.pipelines.set(stage.pipeline, { first: index, end: index + 1 });
    });
  }

  get total(): number {
    return this.stages.length;
  }

  /** The current position, -1 before the first stage. */
  get current(): number {
    return this.position;
  }

  /**
   * Stages that are surely finished (or skipped) once `pipeline` begins: every stage listed
   * before it. A pipeline the manifest does not list (or lists without stages) tells nothing.
   */
  stagesBeforePipeline(pipeline: string): number | null {
    const range = this.pipelines.get(pipeline);
    return range ? range.first : null;
  }

  /**
   * Moves to the next stage of type `stageType` in `pipeline` (anywhere ahead when the pipeline
   * is unknown) and returns its index, or null when no such stage lies ahead; then the position
   * stays where it was.
   */
  advanceTo(pipeline: string | null, stageType: string): number | null {
    const range = pipeline === null ? undefined : this.pipelines.get(pipeline);
    const start = Math.max(this.position + 1, range?.first ?? 0);
    const end = range?.end ?? this.stages.length;
    for (let index = start; index < end; index++) {
      if (this.stages[index]?.stageType === stageType) {
        this.position = index;
        return index;
      }
    }
    return null;
  }
}
