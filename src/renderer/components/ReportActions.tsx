import { Button, Flex } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { AuditReport } from '../../shared/report';
import { api } from '../api';

/** Saves a file the renderer was handed (no Node here: a Blob and a download link). */
function download(fileName: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** The job's audit report by name, exportable as JSON or CSV. */
export function ReportActions({ report }: { report: AuditReport }) {
  const { t } = useTranslation();
  const exportAs = async (format: 'json' | 'csv') => {
    const file = await api.call('exportReport', { id: report.id, format });
    download(file.fileName, file.mimeType, file.content);
  };
  return (
    <Flex alignItems={{ default: 'alignItemsCenter' }}>
      <span data-testid="report-id">{t('flash.report', { id: report.id })}</span>
      <Button variant="secondary" onClick={() => void exportAs('json')}>
        {t('flash.exportJson')}
      </Button>
      <Button variant="secondary" onClick={() => void exportAs('csv')}>
        {t('flash.exportCsv')}
      </Button>
    </Flex>
  );
}
