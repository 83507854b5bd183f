import { Button, Flex } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { AuditReport } from '../../shared/report';
import { api } from '../api';
import { download } from './download';

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
