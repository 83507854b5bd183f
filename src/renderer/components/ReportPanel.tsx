import { ExpandableSection } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditReport } from '../../shared/report';
import { ReportActions } from './ReportActions';
import { ReportSummary } from './ReportSummary';

/** A job's audit report where the job ran: its id and exports, and the report itself on request. */
export function ReportPanel({ report, toggleText }: { report: AuditReport; toggleText?: string }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  return (
    <section aria-label={t('flash.report', { id: report.id })} data-testid="report-panel">
      <ReportActions report={report} />
      <ExpandableSection
        toggleText={toggleText ?? t('flash.showReport')}
        isExpanded={expanded}
        onToggle={(_, isExpanded) => setExpanded(isExpanded)}
      >
        <ReportSummary report={report} />
      </ExpandableSection>
    </section>
  );
}
