import { Progress } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { pushFraction } from '../../../shared/updates/pushProgressOf';
import type { PushProgress } from '../../../shared/updates/updateCalls';

/** Where a push is, in words (layer 2 of 5, the manifest, the moving tag) and as a bar. */
export function PushProgressView({ progress, movingTag }: { progress: PushProgress; movingTag: string }) {
  const { t } = useTranslation();
  const words =
    progress.step === 'layers'
      ? progress.layersTotal === null
        ? t('updates.tool.step.layersUnknown', { started: progress.layersStarted })
        : t('updates.tool.step.layers', { started: progress.layersStarted, total: progress.layersTotal })
      : t(`updates.tool.step.${progress.step}`, { tag: movingTag });
  return (
    <Progress
      value={Math.round(pushFraction(progress) * 100)}
      title={words}
      aria-label={t('updates.tool.progressLabel')}
      data-testid="push-progress"
    />
  );
}
