import {
  Alert,
  Button,
  DataList,
  DataListCell,
  DataListItem,
  DataListItemCells,
  DataListItemRow,
  Progress,
  ProgressMeasureLocation,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../shared/format/formatBytes';
import type { FlashJob } from '../stores/flashStore';
import { driveDomId } from './driveDomId';

const VARIANT = { done: 'success', failed: 'danger', cancelled: 'warning' } as const;

/** One row per drive of the job: phase, bar, speed and time left; then each drive's result in words. */
export function FlashProgressList({ job, onCancel }: { job: FlashJob; onCancel(drive: string): void }) {
  const { t, i18n } = useTranslation();
  const outcomes = new Map(job.report?.drives.map((outcome) => [outcome.drive.path, outcome]));
  return (
    <DataList aria-label={t('drives.heading')} isCompact>
      {job.drives.map((drive) => {
        const progress = job.progress[drive];
        const outcome = outcomes.get(drive);
        const phase = progress?.phase ?? 'preparing';
        const percent =
          progress && progress.total > 0 ? Math.min(100, (progress.bytes / progress.total) * 100) : 0;
        const details = [
          progress?.speed ? t('flash.speed', { speed: formatBytes(progress.speed, i18n.language) }) : null,
          progress?.eta ? t('flash.eta', { seconds: Math.ceil(progress.eta) }) : null,
        ].filter(Boolean);
        const id = `${driveDomId(drive)}-job`;
        return (
          <DataListItem key={drive} id={id} aria-labelledby={`${id}-label`}>
            <DataListItemRow>
              <DataListItemCells
                dataListCells={[
                  <DataListCell key="progress">
                    <Progress
                      id={`${id}-progress`}
                      title={`${drive} · ${t(`flash.phase.${phase}`)}`}
                      aria-label={t('flash.progressLabel', { drive })}
                      value={outcome?.status === 'verified' || phase === 'done' ? 100 : percent}
                      measureLocation={ProgressMeasureLocation.outside}
                      variant={VARIANT[phase as keyof typeof VARIANT]}
                      helperText={details.join(' · ') || undefined}
                    />
                    <span id={`${id}-label`} data-testid="drive-result">
                      {outcome ? t(`flash.result.${outcome.status}`) : t(`flash.phase.${phase}`)}
                    </span>
                    {outcome?.error && (
                      <Alert isInline isPlain variant="danger" title={outcome.error.message} />
                    )}
                  </DataListCell>,
                  <DataListCell key="cancel" isFilled={false} alignRight>
                    {!job.finished && !['done', 'failed', 'cancelled'].includes(phase) && (
                      <Button variant="secondary" onClick={() => onCancel(drive)}>
                        {t('flash.cancelDrive', { drive })}
                      </Button>
                    )}
                  </DataListCell>,
                ]}
              />
            </DataListItemRow>
          </DataListItem>
        );
      })}
    </DataList>
  );
}
