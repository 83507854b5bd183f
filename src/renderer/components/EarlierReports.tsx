import { Title } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { AuditReport } from '../../shared/report';
import { ReportPanel } from './ReportPanel';

/** The reports of the jobs before this one (a retry's first attempt), still readable and exportable. */
export function EarlierReports({ reports }: { reports: AuditReport[] }) {
  const { t } = useTranslation();
  if (reports.length === 0) return null;
  return (
    <section aria-labelledby="earlier-reports-heading">
      <Title headingLevel="h3" id="earlier-reports-heading">
        {t('flash.earlierReports')}
      </Title>
      {reports.map((report) => (
        <ReportPanel
          key={report.id}
          report={report}
          toggleText={t('flash.earlierReport', { id: report.id })}
        />
      ))}
    </section>
  );
}
