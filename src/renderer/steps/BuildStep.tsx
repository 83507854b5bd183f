import {
  ActionGroup,
  Alert,
  Button,
  Content,
  Form,
  Progress,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { isFinalBuildPhase } from '../../shared/diskImages/buildProgress';
import { isTrackableReference } from '../../shared/updates/updateSource';
import { BootTestPanel } from '../components/bootTest/BootTestPanel';
import { BuildLog } from '../components/diskImages/BuildLog';
import { BuildOptions } from '../components/diskImages/BuildOptions';
import { BuildResult } from '../components/diskImages/BuildResult';
import { BuildStages } from '../components/diskImages/BuildStages';
import { ElapsedTime } from '../components/diskImages/ElapsedTime';
import { PreflightChecklist } from '../components/diskImages/PreflightChecklist';
import { UntrackableConfirm } from '../components/diskImages/UntrackableConfirm';
import { UpdatesFromField } from '../components/diskImages/UpdatesFromField';
import { updatesHold, useBuildStore } from '../stores/buildStore';
import { useImageStore } from '../stores/imageStore';

/**
 * Run bootc-image-builder: type, architecture and root filesystem; the preflight checklist;
 * stage-accurate progress and the elapsed time; the live log; cancel.
 */
export function BuildStep() {
  const { t } = useTranslation();
  const { start, cancel, progress, log, record, startError, buildId, startedAt } = useBuildStore();
  const reference = useImageStore((state) => state.reference.trim());
  const hold = useBuildStore((state) => updatesHold(reference, state));
  // The installed system would track the source's own name, which no host can update from.
  const untrackable = useBuildStore(
    (state) => reference !== '' && state.updatesFrom.trim() === '' && !isTrackableReference(reference),
  );
  // Running from the click until the end: the id arrives a moment after the click does.
  const running =
    startedAt !== null &&
    record === null &&
    startError === null &&
    !(progress && isFinalBuildPhase(progress.phase));
  return (
    <Stack hasGutter>
      <StackItem>
        <Form
          onSubmit={(event) => {
            event.preventDefault();
            if (reference && !running && !hold) void start();
          }}
        >
          <Content component="p">
            {reference ? t('build.source', { image: reference }) : t('build.noSource')}
          </Content>
          <Content component="p" className="bootstick-hint" data-testid="build-trust-source">
            {t('build.trustSource')}
          </Content>
          <BuildOptions disabled={running} />
          <UpdatesFromField disabled={running} />
          {untrackable ? <UntrackableConfirm source={reference} disabled={running} /> : null}
          <ActionGroup>
            <Button type="submit" isDisabled={!reference || running || hold !== null}>
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
            variant={
              progress.phase === 'failed' ? 'danger' : progress.phase === 'done' ? 'success' : undefined
            }
          />
          {/* Where the build is, stage by stage (osbuild's own stage while it runs); a reused
              build ran none of them, and its result says so. */}
          {record?.outcome === 'cached' ? null : <BuildStages progress={progress} />}
        </StackItem>
      ) : null}
      {startedAt !== null && startError === null && (running || record) ? (
        <StackItem>
          <ElapsedTime startedAt={startedAt} record={record} />
        </StackItem>
      ) : null}
      {record ? (
        <StackItem>
          <BuildResult record={record} />
        </StackItem>
      ) : null}
      <StackItem>
        <BootTestPanel origin="build" />
      </StackItem>
      {record || progress?.preflight ? (
        <StackItem>
          <PreflightChecklist checks={record?.preflight ?? progress?.preflight ?? []} />
        </StackItem>
      ) : null}
      {log.length > 0 ? (
        <StackItem>
          <BuildLog lines={log} buildId={record ? buildId : null} />
        </StackItem>
      ) : null}
    </Stack>
  );
}
