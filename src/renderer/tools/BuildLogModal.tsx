import { Alert, Button, Modal, ModalBody, ModalFooter, ModalHeader, Spinner } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { useHistoryStore } from '../stores/historyStore';

/** One recorded build's whole log, in the same terminal-like scrolling view as a live build. */
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
          <div
            role="log"
            aria-labelledby="build-log-modal-title"
            className="bootstick-build-log"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region needs keyboard focus to scroll
            tabIndex={0}
            data-testid="history-log"
          >
            <pre>{log.text}</pre>
          </div>
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
