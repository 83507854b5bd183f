import { Alert } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../shared/format/formatBytes';
import { describeDriveError } from '../../shared/i18n/describeJobError';
import { JobNotStartedDetails } from '../components/JobNotStartedDetails';
import { ReportActions } from '../components/ReportActions';
import type { VerifyJob } from '../stores/verifyStore';

/** How a finished verify ended, in words: a match, the first differing byte, or why it could not tell. */
export function VerifyResult({ job }: { job: VerifyJob }) {
  const { t, i18n } = useTranslation();
  if (job.error) {
    return (
      <Alert variant="danger" isInline title={t('tools.verify.notStarted')} data-testid="verify-result">
        <JobNotStartedDetails error={job.error} />
      </Alert>
    );
  }
  const report = job.report;
  const outcome = report?.drives[0];
  if (!report || !outcome) return null;
  const failure = outcome.error;
  const alert =
    outcome.status === 'matched' ? (
      <Alert
        variant="success"
        isInline
        title={t(report.image.extentCount === null ? 'tools.verify.match' : 'tools.verify.matchData', {
          drive: job.drive,
        })}
        data-testid="verify-result"
      >
        {t('tools.verify.matchDetail', {
          size: formatBytes(report.image.mappedSize, i18n.language),
          sha: report.image.sha256 ?? '—',
        })}
      </Alert>
    ) : failure?.code === 'verifyMismatch' && failure.offset !== undefined ? (
      <Alert
        variant="danger"
        isInline
        title={t('tools.verify.mismatch', { drive: job.drive })}
        data-testid="verify-result"
      >
        {t('tools.verify.mismatchDetail', {
          offset: failure.offset.toLocaleString(i18n.language),
          hex: `0x${failure.offset.toString(16)}`,
        })}
      </Alert>
    ) : (
      <Alert
        variant={outcome.status === 'cancelled' ? 'info' : 'danger'}
        isInline
        title={
          outcome.status === 'cancelled'
            ? t('tools.verify.cancelled')
            : t('tools.verify.failed', {
                message: failure
                  ? describeDriveError(failure, job.drive, (key, values) => t(key, values))
                  : '',
              })
        }
        data-testid="verify-result"
      />
    );
  return (
    <>
      {alert}
      <ReportActions report={report} />
    </>
  );
}
