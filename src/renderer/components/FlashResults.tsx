import { Button, Flex, Stack, StackItem } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { failedOutcomes, type RetryPlan } from '../../shared/drives/retryTargets';
import type { AuditReport } from '../../shared/report';
import { useBuildStore } from '../stores/buildStore';
import { BootTestPanel } from './bootTest/BootTestPanel';
import { BootTestStart } from './bootTest/BootTestStart';
import { useBlueprintUserNames } from './bootTest/useBlueprintUserNames';
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
  // A stick that holds exactly the image can be booted in a VM before anyone else boots it.
  const bootable = report.drives.filter((outcome) => outcome.status === 'verified');
  // The blueprint's users are offered only for the image this wizard built from it: any other
  // file may hold other users, so its user name is typed.
  const builtHere = useBuildStore((state) => state.record?.artifact ?? null);
  const blueprintUsers = useBlueprintUserNames();
  const users = builtHere !== null && builtHere === report.image.path ? blueprintUsers : undefined;
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
      {bootable.length > 0 && (
        <StackItem>
          <Flex alignItems={{ default: 'alignItemsFlexStart' }}>
            {bootable.map((outcome) => (
              <BootTestStart
                key={outcome.drive.path}
                target={{ kind: 'drive', drive: outcome.drive.path }}
                origin="flash"
                label={t('bootTest.panel.start', { target: outcome.drive.path })}
                users={users}
              />
            ))}
          </Flex>
        </StackItem>
      )}
      <StackItem>
        <BootTestPanel origin="flash" />
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
