import { Alert, Button, Modal, ModalBody, ModalFooter, ModalHeader, Spinner } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { LogView } from '../components/diskImages/LogView';
import { useHistoryStore } from '../stores/historyStore';

/** The saved log's lines (a final newline ends the last line, it does not start an empty one). */
const logLines = (text: string) => (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');

/** One recorded build's whole log, in the same view as a live build's. */
export function BuildLogModal() {
  const { t } = useTranslation();
  const { log, closeLog } = useHistoryStore();
  if (!log) return null;
  return (
    <Modal isOpen variant="large" onClose={closeLog} aria-labelledby="build-log-modal-title">
      <ModalHeader title={t('tools.history.logTitle', { id: log.buildId })} labelId="build-log-modal-title" />
      <ModalBody>
        {log.error ? (
          <Alert variant="danger" isInline title={log.error} />
        ) : log.text === null ? (
          <Spinner size="lg" aria-label={t('tools.history.logLoading')} />
        ) : (
          <LogView lines={logLines(log.text)} labelledBy="build-log-modal-title" testId="history-log" />
        )}
      </ModalBody>
      <ModalFooter>
        <Button variant="primary" onClick={closeLog}>
          {t('tools.history.close')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
