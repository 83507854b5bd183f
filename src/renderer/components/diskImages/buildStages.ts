import type { BuildPhase } from '../../../shared/diskImages/buildProgress';

/** The stages a build goes through, in order, as the Build step lists them. */
export const BUILD_STAGES = ['preflight', 'pulling', 'manifest', 'building', 'finishing'] as const;
export type BuildStageId = (typeof BUILD_STAGES)[number];

export type BuildStageState = 'passed' | 'current' | 'pending' | 'failed' | 'cancelled';

/**
 * Each stage's state, from the phase now and the last stage the build was in (a failed or
 * cancelled build says where it stopped; stages before it were passed, those after never ran).
 */
export function buildStageStates(
  phase: BuildPhase,
  lastStage: BuildStageId | null,
): Record<BuildStageId, BuildStageState> {
  const ended = phase === 'done' || phase === 'failed' || phase === 'cancelled';
  const at = ended
    ? phase === 'done'
      ? BUILD_STAGES.length
      : BUILD_STAGES.indexOf(lastStage ?? 'preflight')
    : BUILD_STAGES.indexOf(phase as BuildStageId);
  const states = {} as Record<BuildStageId, BuildStageState>;
  BUILD_STAGES.forEach((stage, index) => {
    states[stage] =
      index < at
        ? 'passed'
        : index > at
          ? 'pending'
          : phase === 'failed'
            ? 'failed'
            : phase === 'cancelled'
              ? 'cancelled'
              : 'current';
  });
  return states;
}
