import {
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
  List,
  ListItem,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../shared/format/formatBytes';
import { describeDriveError } from '../../shared/i18n/describeJobError';
import type { AuditReport } from '../../shared/report';
import { ReportActions } from '../components/ReportActions';

/** Every flash and verify audit report, newest first, each exportable as JSON or CSV. */
export function ReportHistory({ reports }: { reports: AuditReport[] }) {
  const { t, i18n } = useTranslation();
  if (reports.length === 0)
    return <EmptyState titleText={t('tools.history.noReports')} headingLevel="h4" variant="xs" />;
  return (
    <DataList aria-label={t('tools.history.reportsHeading')}>
      {reports.map((report) => (
        <DataListItem key={report.id} aria-labelledby={`report-${report.id}`} data-testid="audit-report">
          <DataListItemRow>
            <DataListItemCells
              dataListCells={[
                <DataListCell key="report">
                  <p id={`report-${report.id}`}>
                    <Label color={report.kind === 'verify' ? 'purple' : 'blue'}>
                      {t(`tools.history.kind.${report.kind}`)}
                    </Label>{' '}
                    {new Date(report.createdAt).toLocaleString(i18n.language)}
                  </p>
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
                            <ListItem key={outcome.drive.path}>
                              {t('tools.history.driveResult', {
                                path: outcome.drive.path,
                                model: outcome.drive.model,
                                status: t(`flash.result.${outcome.status}`),
                              })}
                              {outcome.error
                                ? ` — ${describeDriveError(outcome.error, outcome.drive.path, (key, values) => t(key, values))}`
                                : ''}
                            </ListItem>
                          ))}
                        </List>
                      </DescriptionListDescription>
                    </DescriptionListGroup>
                  </DescriptionList>
                  <ReportActions report={report} />
                </DataListCell>,
              ]}
            />
          </DataListItemRow>
        </DataListItem>
      ))}
    </DataList>
  );
}
