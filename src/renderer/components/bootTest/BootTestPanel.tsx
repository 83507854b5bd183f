import { Alert, Button, Content, Flex, Spinner, Stack, StackItem, Title } from '@patternfly/react-core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BootTestProgress, BootTestTarget } from '../../../shared/bootTestJob';
import { bootTestMessageKey, detailIsQemus } from '../../../shared/bootTestMessage';
import type { BootTestFinished } from '../../../shared/jobs';
import { type BootTestOrigin, useBootTestStore } from '../../stores/bootTestStore';
import { useJobsStore } from '../../stores/jobsStore';
import { LogView } from '../diskImages/LogView';
import { LoginResult } from './LoginResult';
import { ScreenshotCanvas } from './ScreenshotCanvas';

export const targetName = (target: BootTestTarget): string =>
  target.kind === 'drive' ? target.drive : target.path;

/** KVM or emulation, and what it means for the time a boot takes. */
function AcceleratorLine({ accelerator }: { accelerator: BootTestProgress['accelerator'] | undefined }) {
  const { t } = useTranslation();
  return (
    <Content component="p" data-testid="boot-accelerator">
      {accelerator ? t(`bootTest.accelerator.${accelerator}`) : t('bootTest.panel.acceleratorPending')}
    </Content>
  );
}

/** The outcome in words: booted and how it was proven, or why not with the console's last lines. */
function Outcome({ end }: { end: BootTestFinished }) {
  const { t } = useTranslation();
  if (!end.result) {
    return (
      <Alert
        variant="danger"
        isInline
        isLiveRegion
        title={t('bootTest.panel.notStarted', { message: end.error?.message ?? '' })}
        data-testid="boot-outcome"
      />
    );
  }
  const result = end.result;
  const booted = result.outcome === 'booted';
  // A login or check that failed ran on a system that booted: QEMU's end and the console say
  // nothing about it (the login section below does).
  const whyNot = !booted && result.outcome !== 'loginFailed' && result.outcome !== 'checkFailed';
  return (
    <Alert
      variant={booted ? 'success' : result.outcome === 'cancelled' ? 'info' : 'danger'}
      isInline
      isLiveRegion
      title={t(`bootTest.${bootTestMessageKey(result)}`)}
      data-testid="boot-outcome"
    >
      <Stack>
        {result.installer?.unattended && result.installer.kickstart && (
          <StackItem>
            {t('bootTest.installer.kickstart', { kickstart: result.installer.kickstart })}
          </StackItem>
        )}
        {result.proof && <StackItem>{t('bootTest.panel.proof', { proof: result.proof })}</StackItem>}
        <StackItem>{t('bootTest.panel.time', { seconds: (result.elapsedMs / 1000).toFixed(1) })}</StackItem>
        {result.auditReportId && (
          <StackItem>{t('bootTest.panel.recorded', { id: result.auditReportId })}</StackItem>
        )}
        {result.auditReportId === null && <StackItem>{t('bootTest.panel.notRecorded')}</StackItem>}
        {whyNot && result.detail && (
          <StackItem>
            {detailIsQemus(result.outcome)
              ? t('bootTest.panel.qemuSaid', { detail: result.detail })
              : result.detail}
          </StackItem>
        )}
        {whyNot && result.lastConsoleLines.length > 0 && (
          <StackItem>
            <strong>{t('bootTest.panel.lastLines')}</strong>
            <pre data-testid="boot-last-lines">{result.lastConsoleLines.slice(-10).join('\n')}</pre>
          </StackItem>
        )}
      </Stack>
    </Alert>
  );
}

/**
 * A boot test as it runs and ends: the accelerator and what it means for time, the live serial
 * console (searchable), cancel, the outcome in words, and the picture of the screen at the end.
 */
export function BootTestPanel({ origin }: { origin: BootTestOrigin }) {
  const { t } = useTranslation();
  const { target, jobId, startError, cancel, close } = useBootTestStore();
  const shownHere = useBootTestStore((state) => state.origin === origin);
  const job = useJobsStore((state) => (jobId ? state.jobs[jobId] : undefined));
  const consoleId = useId();
  // The panel belongs where the test was started; the other places only wait for it to end.
  if (!target || !shownHere) return null;
  const name = targetName(target);
  const progress = job?.progress.bootTest as BootTestProgress | undefined;
  const end = job?.finished?.kind === 'bootTest' ? job.finished : null;
  const accelerator = end?.result?.accelerator ?? progress?.accelerator;
  return (
    <section aria-label={t('bootTest.panel.title', { target: name })} data-testid="boot-test-panel">
      <Stack hasGutter>
        <StackItem>
          <Title headingLevel="h3">{t('bootTest.panel.title', { target: name })}</Title>
        </StackItem>
        {startError ? (
          <StackItem>
            <Alert
              variant="danger"
              isInline
              isLiveRegion
              title={t('bootTest.panel.notStarted', { message: startError })}
            />
          </StackItem>
        ) : (
          <>
            <StackItem>
              <AcceleratorLine accelerator={accelerator} />
            </StackItem>
            {!end && (
              <StackItem>
                <Flex alignItems={{ default: 'alignItemsCenter' }}>
                  <Spinner size="md" aria-hidden />
                  <span role="status">{t('bootTest.panel.running')}</span>
                  <Button variant="secondary" onClick={() => void cancel()} isDisabled={!jobId}>
                    {t('bootTest.panel.cancel')}
                  </Button>
                </Flex>
              </StackItem>
            )}
            {end && (
              <StackItem>
                <Outcome end={end} />
              </StackItem>
            )}
            {end?.result?.login && (
              <StackItem>
                <LoginResult login={end.result.login} />
              </StackItem>
            )}
            <StackItem>
              <Title headingLevel="h4" id={consoleId}>
                {t('bootTest.panel.console')}
              </Title>
              <LogView lines={job?.log ?? []} labelledBy={consoleId} testId="boot-console" />
            </StackItem>
            {end?.result && (
              <StackItem>
                <Title headingLevel="h4">{t('bootTest.panel.screenHeading')}</Title>
                {end.result.screenshotPpmBase64 ? (
                  <ScreenshotCanvas
                    ppmBase64={end.result.screenshotPpmBase64}
                    label={t('bootTest.panel.screenshot', { target: name })}
                  />
                ) : (
                  <Content component="p">{t('bootTest.panel.noScreenshot')}</Content>
                )}
              </StackItem>
            )}
          </>
        )}
        {(end || startError) && (
          <StackItem>
            <Button variant="link" onClick={close}>
              {t('bootTest.panel.close')}
            </Button>
          </StackItem>
        )}
      </Stack>
    </section>
  );
}
