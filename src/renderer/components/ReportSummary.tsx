import {
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  List,
  ListItem,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { bootTestMessageKey } from '../../shared/bootTestMessage';
import type { DriveOutcome } from '../../shared/flash';
import { formatBytes } from '../../shared/format/formatBytes';
import { formatDuration } from '../../shared/format/formatDuration';
import { describeDriveError, outcomeKey } from '../../shared/i18n/describeJobError';
import type { AuditReport } from '../../shared/report';

/** When one drive's work began and ended, and how long it took, in the reader's locale. */
function DriveTimes({ outcome }: { outcome: DriveOutcome }) {
  const { t, i18n } = useTranslation();
  const started = Date.parse(outcome.startedAt);
  const ended = Date.parse(outcome.endedAt);
  return (
    <>
      {t('flash.reportDriveFacts', {
        serial: outcome.drive.serial ?? '—',
        size: formatBytes(outcome.drive.size, i18n.language),
      })}
      <br />
      {t('flash.reportTimes', {
        start: new Date(started).toLocaleString(i18n.language),
        end: new Date(ended).toLocaleTimeString(i18n.language),
        duration: formatDuration(ended - started),
      })}
    </>
  );
}

/** A drive's latest boot test: when, how (KVM or emulated), how long, what it found and how that was proven. */
function DriveBootTest({ outcome }: { outcome: DriveOutcome }) {
  const { t, i18n } = useTranslation();
  const test = outcome.bootTest;
  if (!test) return null;
  return (
    <>
      <br />
      <span data-testid="report-boot-test">
        {t('bootTest.reportLine', {
          when: new Date(Date.parse(test.at)).toLocaleString(i18n.language),
          // An arm64 stick says so; x86-64 is what every test booted before, and needs no word.
          accelerator: [
            test.accelerator ? t(`bootTest.acceleratorShort.${test.accelerator}`) : '—',
            ...(test.architecture === 'aarch64' ? ['arm64'] : []),
          ].join(', '),
          duration: formatDuration(test.elapsedMs),
          outcome: t(`bootTest.${bootTestMessageKey(test)}`),
        })}
        {test.proof ? ` ${t('bootTest.panel.proof', { proof: test.proof })}` : ''}
      </span>
      {test.login && <DriveBootLogin login={test.login} />}
    </>
  );
}

/** The boot test's SSH login as the report keeps it: got in or not, and which commands failed. */
function DriveBootLogin({ login }: { login: NonNullable<NonNullable<DriveOutcome['bootTest']>['login']> }) {
  const { t } = useTranslation();
  const passed = login.checks.filter((check) => check.passed).length;
  return (
    <>
      <br />
      <span data-testid="report-boot-login">
        {login.loggedIn
          ? t('bootTest.reportLoggedIn', { user: login.user, passed, total: login.checks.length })
          : t('bootTest.reportNotLoggedIn', { user: login.user })}
        {login.checks
          .filter((check) => !check.passed)
          .map(
            (check) =>
              ` ${t('bootTest.reportCheckFailed', { command: check.command, code: check.exitCode ?? '—' })}`,
          )
          .join('')}
      </span>
    </>
  );
}

/**
 * An audit report read as a person reads it: the image and its SHA-256, then each drive's result,
 * identity, times and latest boot test. The History tool and the Flash step show reports through this one view.
 */
export function ReportSummary({ report }: { report: AuditReport }) {
  const { t, i18n } = useTranslation();
  return (
    <DescriptionList isCompact isHorizontal>
      <DescriptionListGroup>
        <DescriptionListTerm>{t('tools.history.image')}</DescriptionListTerm>
        <DescriptionListDescription>
          <span className="bootstick-mono">{report.image.path}</span> (
          {formatBytes(report.image.size, i18n.language)})
        </DescriptionListDescription>
      </DescriptionListGroup>
      <DescriptionListGroup>
        <DescriptionListTerm>SHA-256</DescriptionListTerm>
        <DescriptionListDescription className="bootstick-mono">
          {report.image.sha256 ?? '—'}
        </DescriptionListDescription>
      </DescriptionListGroup>
      <DescriptionListGroup>
        <DescriptionListTerm>{t('tools.history.drives')}</DescriptionListTerm>
        <DescriptionListDescription>
          <List isPlain>
            {report.drives.map((outcome) => (
              <ListItem key={outcome.drive.path} data-testid="report-drive">
                {t('tools.history.driveResult', {
                  path: outcome.drive.path,
                  model: outcome.drive.model,
                  status: t(outcomeKey(outcome)),
                })}
                {outcome.error
                  ? ` — ${describeDriveError(outcome.error, outcome.drive.path, (key, values) => t(key, values))}`
                  : ''}
                <br />
                <DriveTimes outcome={outcome} />
                <DriveBootTest outcome={outcome} />
              </ListItem>
            ))}
          </List>
        </DescriptionListDescription>
      </DescriptionListGroup>
    </DescriptionList>
  );
}
