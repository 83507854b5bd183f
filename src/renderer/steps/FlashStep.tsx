import { Alert, Button, Checkbox, Flex, Stack, StackItem } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planRetry, type RetryPlan } from '../../shared/drives/retryTargets';
import { ConfirmFlashModal } from '../components/ConfirmFlashModal';
import { DrivePicker } from '../components/DrivePicker';
import { EarlierReports } from '../components/EarlierReports';
import { FlashProgressList } from '../components/FlashProgressList';
import { FlashResults } from '../components/FlashResults';
import { ImageChooser } from '../components/ImageChooser';
import { JobNotStartedDetails } from '../components/JobNotStartedDetails';
import { RetryNotice } from '../components/RetryNotice';
import { useDrivesStore } from '../stores/drivesStore';
import { useFlashStore } from '../stores/flashStore';
import { useWizardStore } from '../stores/wizardStore';

/** What the confirmation is about to erase: the picked drives, or the last job's failed ones. */
type PendingJob = { retry: false; image: string; drives: string[] } | { retry: true; image: string };

/** Flash: choose the image, pick drives, confirm, watch each drive, read the results, retry. */
export function FlashStep() {
  const { t } = useTranslation();
  const { drives, selected } = useDrivesStore();
  const { image, verify, setVerify, job, earlierReports, start, cancel } = useFlashStore();
  const [pending, setPending] = useState<PendingJob | null>(null);
  const [retryPlan, setRetryPlan] = useState<RetryPlan | null>(null);
  const goTo = useWizardStore((state) => state.goTo);
  const running = job !== null && !job.finished;
  const targets = drives.filter((drive) => selected.includes(drive.path));
  // The confirmation judges drives as they are now: a retried drive unplugged or refused while
  // it is open drops out, and the notice in it says why.
  const livePlan = pending?.retry && job?.report ? planRetry(job.report.drives, drives) : null;
  const pendingDrives = livePlan
    ? livePlan.drives
    : pending && !pending.retry
      ? drives.filter((drive) => pending.drives.includes(drive.path))
      : [];

  const retryFailed = () => {
    if (!job?.report) return;
    const plan = planRetry(job.report.drives, drives);
    // With nothing left to write, the reasons show beside the button; otherwise in the confirmation.
    setRetryPlan(plan.drives.length === 0 ? plan : null);
    if (plan.drives.length > 0) setPending({ retry: true, image: job.image });
  };

  return (
    <Stack hasGutter>
      <StackItem>
        <ImageChooser />
      </StackItem>
      <StackItem>
        <DrivePicker />
      </StackItem>
      <StackItem>
        <Flex alignItems={{ default: 'alignItemsCenter' }}>
          <Checkbox
            id="verify-drives"
            label={t('flash.verify')}
            isChecked={verify}
            onChange={(_, checked) => setVerify(checked)}
          />
          <Button
            variant="danger"
            isDisabled={!image || targets.length === 0 || running}
            onClick={() =>
              image &&
              setPending({ retry: false, image: image.path, drives: targets.map((drive) => drive.path) })
            }
          >
            {targets.length > 0 ? t('flash.startCount', { count: targets.length }) : t('flash.start')}
          </Button>
          {running && (
            <Button variant="secondary" onClick={() => void cancel()}>
              {t('flash.cancelAll')}
            </Button>
          )}
        </Flex>
      </StackItem>
      {job && (
        <StackItem>
          {job.error ? (
            <Alert variant="danger" title={t('flash.notStarted')} isInline isLiveRegion>
              <JobNotStartedDetails error={job.error} />
            </Alert>
          ) : (
            <FlashProgressList job={job} onCancel={(drive) => void cancel(drive)} />
          )}
        </StackItem>
      )}
      {job?.report && (
        <StackItem>
          <FlashResults
            report={job.report}
            retryPlan={retryPlan}
            onRetry={retryFailed}
            onNext={() => goTo('firstBoot')}
          />
        </StackItem>
      )}
      {job?.finished && earlierReports.length > 0 && (
        <StackItem>
          {/* A retry never hides what happened the first time. */}
          <EarlierReports reports={earlierReports} />
        </StackItem>
      )}
      {pending && (
        <ConfirmFlashModal
          image={pending.image}
          drives={pendingDrives}
          notice={livePlan && <RetryNotice plan={livePlan} />}
          onCancel={() => setPending(null)}
          onConfirm={() => {
            setPending(null);
            setRetryPlan(null);
            void start(
              pendingDrives.map((drive) => drive.path),
              pending.image,
            );
          }}
        />
      )}
    </Stack>
  );
}
