import {
  Alert,
  Button,
  DataList,
  DataListCell,
  DataListItem,
  DataListItemCells,
  DataListItemRow,
  Label,
  Progress,
  ProgressMeasureLocation,
} from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { driveTempo, STALL_AFTER_MS } from '../../shared/drives/driveTempo';
import { formatBytes } from '../../shared/format/formatBytes';
import { describeDriveError, outcomeKey } from '../../shared/i18n/describeJobError';
import type { FlashJob } from '../stores/flashStore';
import { driveDomId } from './driveDomId';
import { SpeedSparkline } from './SpeedSparkline';

const VARIANT = { done: 'success', failed: 'danger', cancelled: 'warning' } as const;

/** Time left as people say it: seconds for the last minute and a half, whole minutes before that. */
function timeLeft(seconds: number, t: (key: string, values: Record<string, number>) => string): string {
  return seconds < 90
    ? t('flash.eta', { seconds: Math.ceil(seconds) })
    : t('flash.etaMinutes', { minutes: Math.round(seconds / 60) });
}

/** One row per drive of the job: phase, bar, speed and time left; then each drive's result in words. */
export function FlashProgressList({ job, onCancel }: { job: FlashJob; onCancel(drive: string): void }) {
  const { t, i18n } = useTranslation();
  const now = useNow(job.finished ? null : 1_000);
  const outcomes = new Map(job.report?.drives.map((outcome) => [outcome.drive.path, outcome]));
  const total = job.finished ? 0 : Object.values(job.progress).reduce((sum, p) => sum + (p.speed ?? 0), 0);
  return (
    <>
      {total > 0 && (
        <p data-testid="total-speed">{t('flash.totalSpeed', { speed: formatBytes(total, i18n.language) })}</p>
      )}
      <DataList aria-label={t('drives.heading')} isCompact>
        {job.drives.map((drive) => {
          const progress = job.progress[drive];
          const outcome = outcomes.get(drive);
          const phase = progress?.phase ?? 'preparing';
          const percent =
            progress && progress.total > 0 ? Math.min(100, (progress.bytes / progress.total) * 100) : 0;
          const details = [
            progress?.speed ? t('flash.speed', { speed: formatBytes(progress.speed, i18n.language) }) : null,
            progress?.eta ? timeLeft(progress.eta, t) : null,
          ].filter(Boolean);
          const id = `${driveDomId(drive)}-job`;
          const samples = job.samples[drive] ?? [];
          // A slow or stalled drive stands out while the others go on (judged only while it runs).
          const tempo = job.finished ? 'normal' : driveTempo(samples, now);
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
                      <SpeedSparkline samples={samples} id={`${id}-speed`} />
                      {tempo !== 'normal' && (
                        <Label
                          color={tempo === 'stalled' ? 'red' : 'orange'}
                          data-testid="drive-tempo"
                          data-tempo={tempo}
                        >
                          {t(`flash.tempo.${tempo}`, { seconds: STALL_AFTER_MS / 1000 })}
                        </Label>
                      )}{' '}
                      <span id={`${id}-label`} data-testid="drive-result">
                        {outcome ? t(outcomeKey(outcome)) : t(`flash.phase.${phase}`)}
                      </span>
                      {outcome?.error && (
                        <Alert
                          isInline
                          isPlain
                          variant="danger"
                          title={describeDriveError(outcome.error, drive, (key, values) => t(key, values))}
                        />
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
    </>
  );
}

/** The time now, again every `everyMs` (null: not ticking), so a drive that stops sending progress is seen to stall. */
function useNow(everyMs: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (everyMs === null) return;
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
