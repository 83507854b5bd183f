import { Button, List, ListItem, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { DriveView } from '../../shared/drives/driveView';
import { formatBytes } from '../../shared/format/formatBytes';

interface ConfirmFlashModalProps {
  image: string;
  drives: DriveView[];
  onConfirm(): void;
  onCancel(): void;
}

/** The last question before erasing: names every drive and its size. */
export function ConfirmFlashModal({ image, drives, onConfirm, onCancel }: ConfirmFlashModalProps) {
  const { t, i18n } = useTranslation();
  return (
    <Modal isOpen variant="small" onClose={onCancel} aria-labelledby="confirm-flash-title">
      <ModalHeader title={t('flash.confirmTitle')} labelId="confirm-flash-title" titleIconVariant="warning" />
      <ModalBody>
        <p>{t('flash.confirmBody', { image })}</p>
        <List>
          {drives.map((drive) => (
            <ListItem key={drive.path}>
              <strong>{drive.path}</strong> — {drive.description || drive.bus},{' '}
              {formatBytes(drive.size, i18n.language)}
            </ListItem>
          ))}
        </List>
      </ModalBody>
      <ModalFooter>
        <Button variant="danger" onClick={onConfirm}>
          {t('flash.confirmButton')}
        </Button>
        <Button variant="link" onClick={onCancel}>
          {t('flash.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
