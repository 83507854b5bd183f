import {
  DataList,
  DataListCell,
  DataListItem,
  DataListItemCells,
  DataListItemRow,
  EmptyState,
  Label,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { AuditReport } from '../../shared/report';
import { ReportActions } from '../components/ReportActions';
import { ReportSummary } from '../components/ReportSummary';

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
                  <ReportSummary report={report} />
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
