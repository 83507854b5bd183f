import {
  ActionGroup,
  Alert,
  Button,
  Content,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Progress,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { isFinalBuildPhase } from '../../shared/build/buildProgress';
import { ImageTypeSchema } from '../../shared/build/imageTypes';
import { BuildLog } from '../components/build/BuildLog';
import { BuildResult } from '../components/build/BuildResult';
import { useBuildStore } from '../stores/buildStore';
import { useImageStore } from '../stores/imageStore';

/** Run bootc-image-builder: the image type, stage-accurate progress, the live log, cancel. */
export function BuildStep() {
  const { t } = useTranslation();
  const { type, setType, start, cancel, progress, log, record, startError, buildId } = useBuildStore();
  const reference = useImageStore((state) => state.reference.trim());
  const running = buildId !== null && record === null && !(progress && isFinalBuildPhase(progress.phase));
  const stage = progress?.stage;
  return (
    <Stack hasGutter>
      <StackItem>
        <Form
          onSubmit={(event) => {
            event.preventDefault();
            if (reference && !running) void start();
          }}
        >
          <Content component="p">
            {reference ? t('build.source', { image: reference }) : t('build.noSource')}
          </Content>
          <FormGroup label={t('build.type')} fieldId="build-type">
            <FormSelect
              id="build-type"
              value={type}
              onChange={(_, value) => setType(ImageTypeSchema.parse(value))}
              isDisabled={running}
            >
              {ImageTypeSchema.options.map((option) => (
                <FormSelectOption key={option} value={option} label={t(`build.types.${option}`)} />
              ))}
            </FormSelect>
          </FormGroup>
          <ActionGroup>
            <Button type="submit" isDisabled={!reference || running}>
              {t('build.start')}
            </Button>
            {running ? (
              <Button variant="secondary" isDanger onClick={() => void cancel()}>
                {t('build.cancel')}
              </Button>
            ) : null}
          </ActionGroup>
        </Form>
      </StackItem>
      {startError ? (
        <StackItem>
          <Alert variant="danger" isInline title={t('build.notStarted', { message: startError })} />
        </StackItem>
      ) : null}
      {progress ? (
        <StackItem>
          <Progress
            value={Math.round(progress.fraction * 100)}
            title={t(`build.phase.${progress.phase}`)}
            aria-label={t('build.progressLabel')}
            helperText={
              // Once finished, the outcome says it; osbuild skips the stages an export does not need.
              stage && stage.total > 0 && !isFinalBuildPhase(progress.phase)
                ? t('build.stage', { index: stage.index, total: stage.total, name: stage.name })
                : progress.message
            }
            variant={
              progress.phase === 'failed' ? 'danger' : progress.phase === 'done' ? 'success' : undefined
            }
          />
        </StackItem>
      ) : null}
      {record ? (
        <StackItem>
          <BuildResult record={record} />
        </StackItem>
      ) : null}
      {log.length > 0 ? (
        <StackItem>
          <BuildLog lines={log} />
        </StackItem>
      ) : null}
    </Stack>
  );
}
