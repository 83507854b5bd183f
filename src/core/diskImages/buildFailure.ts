import {
  type BuildError,
  type BuildErrorCode,
  describeBuildError,
} from '../../shared/diskImages/buildErrors';

/** Why a build stopped: a stable code, plain words, a fix, and the tool's own lines. */
export type BuildFailure = BuildError;

export function buildFailure(code: BuildErrorCode, detail?: string | null): BuildFailure {
  return describeBuildError(code, detail ?? null);
}
