import {
  Button,
  DataList,
  DataListCell,
  DataListItem,
  DataListItemCells,
  DataListItemRow,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  EmptyState,
  Label,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { isBootTestableType } from '../../shared/bootTestable';
import type { BuildHistoryEntry, BuildRecord } from '../../shared/diskImages/buildRecord';
import { formatBytes } from '../../shared/format/formatBytes';
import { BootTestStart } from '../components/bootTest/BootTestStart';
import { buildFailureWords } from '../components/diskImages/buildFailureWords';
import { useHistoryStore } from '../stores/historyStore';

const OUTCOME_COLOR = { succeeded: 'green', cached: 'blue', failed: 'red', cancelled: 'grey' } as const;

/** What a build made, or why it made nothing. */
function Result({ record }: { record: BuildRecord }) {
  const { t, i18n } = useTranslation();
  if (record.artifact) {
    return (
      <DescriptionListGroup>
        <DescriptionListTerm>{t('tools.history.artifact')}</DescriptionListTerm>
        <DescriptionListDescription>
          <span className="bootstick-mono">{record.artifact}</span> (
          {formatBytes(record.artifactBytes, i18n.language)})
        </DescriptionListDescription>
      </DescriptionListGroup>
    );
  }
  if (!record.error) return null;
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>{t('tools.history.error')}</DescriptionListTerm>
      <DescriptionListDescription data-testid="build-error">
        {buildFailureWords(record, (key, values) => t(key, values)).message}
      </DescriptionListDescription>
    </DescriptionListGroup>
  );
}

/**
 * Every recorded build, newest first: outcome, image, type, time, what it made; its log on request,
 * and a boot test of its image while the file is still there.
 */
export function BuildHistory({ builds }: { builds: BuildHistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  const showLog = useHistoryStore((state) => state.showLog);
  if (builds.length === 0)
    return <EmptyState titleText={t('tools.history.noBuilds')} headingLevel="h4" variant="xs" />;
  return (
    <DataList aria-label={t('tools.history.buildsHeading')}>
      {builds.map((record) => (
        <DataListItem key={record.id} aria-labelledby={`build-${record.id}`} data-testid="build-record">
          <DataListItemRow>
            <DataListItemCells
              dataListCells={[
                <DataListCell key="what">
                  <p id={`build-${record.id}`}>
                    <Label color={OUTCOME_COLOR[record.outcome]}>
                      {t(`tools.history.outcome.${record.outcome}`)}
                    </Label>{' '}
                    <span className="bootstick-mono">{record.request.sourceImage}</span>
                  </p>
                  <DescriptionList isCompact isHorizontal>
                    <DescriptionListGroup>
                      <DescriptionListTerm>{t('tools.history.type')}</DescriptionListTerm>
                      <DescriptionListDescription>
                        {t(`build.types.${record.request.type}`)}
                      </DescriptionListDescription>
                    </DescriptionListGroup>
                    <DescriptionListGroup>
                      <DescriptionListTerm>{t('tools.history.started')}</DescriptionListTerm>
                      <DescriptionListDescription>
                        {new Date(record.startedAt).toLocaleString(i18n.language)}
                      </DescriptionListDescription>
                    </DescriptionListGroup>
                    <Result record={record} />
                  </DescriptionList>
                </DataListCell>,
                <DataListCell key="log" isFilled={false} alignRight>
                  {record.artifact && record.artifactPresent && isBootTestableType(record.request.type) && (
                    <BootTestStart
                      target={{ kind: 'image', path: record.artifact }}
                      origin="history"
                      label={t('bootTest.start.thisImage')}
                      accessibleName={t('bootTest.start.thisImageNamed', { target: record.artifact })}
                    />
                  )}
                  {record.logFile && (
                    <Button
                      variant="secondary"
                      aria-label={t('tools.history.showLogOf', { id: record.id })}
                      onClick={() => void showLog(record.id)}
                    >
                      {t('tools.history.showLog')}
                    </Button>
                  )}
                </DataListCell>,
              ]}
            />
          </DataListItemRow>
        </DataListItem>
      ))}
    </DataList>
  );
}
