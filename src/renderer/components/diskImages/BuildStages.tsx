import { ProgressStep, ProgressStepper } from '@patternfly/react-core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuildProgress } from '../../../shared/diskImages/buildProgress';
import { BUILD_STAGES, type BuildStageId, type BuildStageState, buildStageStates } from './buildStages';

const VARIANT: Record<BuildStageState, 'success' | 'info' | 'pending' | 'danger' | 'warning'> = {
  passed: 'success',
  current: 'info',
  pending: 'pending',
  failed: 'danger',
  cancelled: 'warning',
};

/**
 * The build's stages as a list, the one running now marked (and, while osbuild runs, which of its
 * stages): where a build is, and where a failed one stopped, at a glance.
 */
export function BuildStages({ progress }: { progress: BuildProgress }) {
  const { t } = useTranslation();
  // The last stage this build was in, so a failure or cancel is shown where it happened.
  const last = useRef<{ buildId: string; stage: BuildStageId | null }>({ buildId: '', stage: null });
  if (last.current.buildId !== progress.buildId) last.current = { buildId: progress.buildId, stage: null };
  if ((BUILD_STAGES as readonly string[]).includes(progress.phase))
    last.current.stage = progress.phase as BuildStageId;
  const states = buildStageStates(progress.phase, last.current.stage);
  const stage = progress.stage;
  return (
    <ProgressStepper isVertical aria-label={t('build.stages.label')} data-testid="build-stages">
      {BUILD_STAGES.map((id) => (
        <ProgressStep
          key={id}
          id={`build-stage-${id}`}
          titleId={`build-stage-${id}-title`}
          variant={VARIANT[states[id]]}
          isCurrent={states[id] === 'current'}
          aria-label={t(`build.stages.${states[id]}`, { stage: t(`build.phase.${id}`) })}
          data-state={states[id]}
          description={
            states[id] === 'current'
              ? id === 'building' && stage && stage.total > 0
                ? t('build.stage', { index: stage.index, total: stage.total, name: stage.name })
                : t(`build.phaseDetail.${id}`)
              : undefined
          }
        >
          {t(`build.phase.${id}`)}
        </ProgressStep>
      ))}
    </ProgressStepper>
  );
}
