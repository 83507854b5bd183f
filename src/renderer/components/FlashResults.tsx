import { Button, Flex, Stack, StackItem } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { failedOutcomes, type RetryPlan } from '../../shared/drives/retryTargets';
import type { AuditReport } from '../../shared/report';
import { ReportPanel } from './ReportPanel';
import { RetryNotice } from './RetryNotice';

interface FlashResultsProps {
  report: AuditReport;
  /** What the last "Retry failed drives" found, shown beside the button that asked. */
  retryPlan: RetryPlan | null;
  onRetry(): void;
  onNext(): void;
}

/** After a job: retry what failed, read or export the audit report, and go on. */
export function FlashResults({ report, retryPlan, onRetry, onNext }: FlashResultsProps) {
  const { t } = useTranslation();
  const failed = failedOutcomes(report.drives);
  return (
    <Stack hasGutter>
      {failed.length > 0 && (
        <StackItem>
          <Button variant="primary" onClick={onRetry}>
            {t('flash.retryFailed')}
          </Button>
          {retryPlan && <RetryNotice plan={retryPlan} />}
        </StackItem>
      )}
      <StackItem>
        <ReportPanel report={report} />
      </StackItem>
      <StackItem>
        <Flex>
          <Button variant={failed.length > 0 ? 'secondary' : 'primary'} onClick={onNext}>
            {t('flash.nextFirstBoot')}
          </Button>
        </Flex>
      </StackItem>
    </Stack>
  );
}
