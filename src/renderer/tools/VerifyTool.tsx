import {
  ActionGroup,
  Alert,
  Button,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Progress,
  Stack,
  StackItem,
  TextInput,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../shared/format/formatBytes';
import { BootTestPanel } from '../components/bootTest/BootTestPanel';
import { useDrivesStore } from '../stores/drivesStore';
import { useVerifyStore } from '../stores/verifyStore';
import { FieldHint } from './FieldHint';
import { VerifyBootTest } from './VerifyBootTest';
import { VerifyResult } from './VerifyResult';

/** Reads one drive back and compares it with an image file, writing nothing. */
export function VerifyTool() {
  const { t, i18n } = useTranslation();
  const { image, drive, job, startError, setImage, setDrive, start, cancel } = useVerifyStore();
  // Every drive a person could mean; the system drives stay out, as in the Flash step.
  const drives = useDrivesStore((state) => state.drives).filter((candidate) => !candidate.verdict.hidden);
  const running = job !== null && !job.finished;
  const ready = image.trim() !== '' && drives.some((candidate) => candidate.path === drive) && !running;
  const progress = job?.progress;
  const percent = progress && progress.total > 0 ? Math.min(100, (progress.bytes / progress.total) * 100) : 0;
  return (
    <Stack hasGutter>
      <StackItem>
        <Form
          isWidthLimited
          onSubmit={(event) => {
            event.preventDefault();
            if (ready) void start();
          }}
        >
          <FormGroup label={t('tools.verify.imageLabel')} fieldId="verify-image" isRequired>
            <TextInput
              id="verify-image"
              value={image}
              isRequired
              onChange={(_, value) => setImage(value)}
              aria-describedby="verify-image-helper"
            />
            <FieldHint id="verify-image-helper" error={null} hint={t('tools.verify.imageHint')} />
          </FormGroup>
          <FormGroup label={t('tools.verify.driveLabel')} fieldId="verify-drive" isRequired>
            <FormSelect
              id="verify-drive"
              value={drive}
              isRequired
              onChange={(_, value) => setDrive(value)}
              aria-describedby="verify-drive-helper"
            >
              <FormSelectOption value="" label={t('tools.verify.choose')} isPlaceholder />
              {drives.map((candidate) => (
                <FormSelectOption
                  key={candidate.path}
                  value={candidate.path}
                  label={t('tools.verify.driveOption', {
                    name: candidate.description || candidate.bus,
                    path: candidate.path,
                    size: formatBytes(candidate.size, i18n.language),
                  })}
                />
              ))}
            </FormSelect>
            <FieldHint
              id="verify-drive-helper"
              error={null}
              hint={drives.length === 0 ? t('tools.verify.noDrives') : t('tools.verify.driveHint')}
            />
          </FormGroup>
          <ActionGroup>
            <Button type="submit" isDisabled={!ready}>
              {t('tools.verify.start')}
            </Button>
            {running && (
              <Button variant="secondary" onClick={() => void cancel()}>
                {t('tools.verify.cancel')}
              </Button>
            )}
          </ActionGroup>
        </Form>
      </StackItem>
      {startError && (
        <StackItem>
          <Alert variant="danger" isInline title={t('tools.verify.notStarted')}>
            {startError}
          </Alert>
        </StackItem>
      )}
      {job && (
        <StackItem>
          <Progress
            value={job.report?.drives[0]?.status === 'matched' ? 100 : percent}
            title={job.drive}
            aria-label={t('tools.verify.progressLabel', { drive: job.drive })}
            variant={
              job.finished ? (job.report?.drives[0]?.status === 'matched' ? 'success' : 'danger') : undefined
            }
          />
        </StackItem>
      )}
      {job?.finished && (
        <StackItem>
          <VerifyResult job={job} />
        </StackItem>
      )}
      {job?.finished && (
        <StackItem>
          <VerifyBootTest job={job} />
        </StackItem>
      )}
      <StackItem>
        <BootTestPanel origin="verify" />
      </StackItem>
    </Stack>
  );
}
