import { Alert, Button, Checkbox, Flex, Stack, StackItem } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmFlashModal } from '../components/ConfirmFlashModal';
import { DrivePicker } from '../components/DrivePicker';
import { FlashProgressList } from '../components/FlashProgressList';
import { ImageChooser } from '../components/ImageChooser';
import { ReportActions } from '../components/ReportActions';
import { useDrivesStore } from '../stores/drivesStore';
import { useFlashStore } from '../stores/flashStore';
import { useWizardStore } from '../stores/wizardStore';

/** Flash: choose the image, pick drives, confirm, watch each drive, read the results. */
export function FlashStep() {
  const { t } = useTranslation();
  const { drives, selected } = useDrivesStore();
  const { image, verify, setVerify, job, start, cancel } = useFlashStore();
  const [confirming, setConfirming] = useState(false);
  const goTo = useWizardStore((state) => state.goTo);
  const running = job !== null && !job.finished;
  const targets = drives.filter((drive) => selected.includes(drive.path));
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
            onClick={() => setConfirming(true)}
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
            <Alert variant="danger" title={t('flash.notStarted')} isInline>
              <p>{job.error.message}</p>
              {job.error.refusals?.map((refusal) => (
                <p key={`${refusal.code}-${refusal.drive}`}>{refusal.message}</p>
              ))}
            </Alert>
          ) : (
            <FlashProgressList job={job} onCancel={(drive) => void cancel(drive)} />
          )}
          {job.report && <ReportActions report={job.report} />}
          {job.report && (
            <Button variant="primary" onClick={() => goTo('firstBoot')}>
              {t('flash.nextFirstBoot')}
            </Button>
          )}
        </StackItem>
      )}
      {confirming && image && (
        <ConfirmFlashModal
          image={image.path}
          drives={targets}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void start(targets.map((drive) => drive.path));
          }}
        />
      )}
    </Stack>
  );
}
