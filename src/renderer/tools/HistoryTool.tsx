import { Alert, Button, Stack, StackItem, Title } from '@patternfly/react-core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BootTestPanel } from '../components/bootTest/BootTestPanel';
import { useHistoryStore } from '../stores/historyStore';
import { BuildHistory } from './BuildHistory';
import { BuildLogModal } from './BuildLogModal';
import { ReportHistory } from './ReportHistory';

/** Builds, flashes and verifies as they were recorded, read afresh each time the page opens. */
export function HistoryTool() {
  const { t } = useTranslation();
  const { builds, reports, loaded, error, load } = useHistoryStore();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <Stack hasGutter>
      <StackItem>
        <Button variant="secondary" onClick={() => void load()}>
          {t('tools.history.refresh')}
        </Button>
      </StackItem>
      {error && (
        <StackItem>
          <Alert variant="danger" isInline title={error} />
        </StackItem>
      )}
      <StackItem>
        <section aria-labelledby="history-builds">
          <Title headingLevel="h3" id="history-builds">
            {t('tools.history.buildsHeading')}
          </Title>
          {loaded && <BuildHistory builds={builds} />}
        </section>
      </StackItem>
      <StackItem>
        <BootTestPanel origin="history" />
      </StackItem>
      <StackItem>
        <section aria-labelledby="history-reports">
          <Title headingLevel="h3" id="history-reports">
            {t('tools.history.reportsHeading')}
          </Title>
          {loaded && <ReportHistory reports={reports} />}
        </section>
      </StackItem>
      <BuildLogModal />
    </Stack>
  );
}
