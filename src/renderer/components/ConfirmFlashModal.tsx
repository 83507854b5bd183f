import {
  Alert,
  Button,
  Form,
  List,
  ListItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
} from '@patternfly/react-core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DriveView } from '../../shared/drives/driveView';
import { allTypedNamesMatch, drivesNeedingTypedName } from '../../shared/drives/typedConfirmation';
import { formatBytes } from '../../shared/format/formatBytes';
import { TypedNameField } from './TypedNameField';

interface ConfirmFlashModalProps {
  image: string;
  drives: DriveView[];
  /** Said above the list, e.g. which failed drives a retry had to leave out and why. */
  notice?: ReactNode;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * The last question before erasing: names every drive and its size. A drive that carries a
 * warning (unusually large) must also be named by typing, so a habit of clicking cannot erase it.
 */
export function ConfirmFlashModal({ image, drives, notice, onConfirm, onCancel }: ConfirmFlashModalProps) {
  const { t, i18n } = useTranslation();
  const [typed, setTyped] = useState<Record<string, string>>({});
  const warned = drivesNeedingTypedName(drives);
  const confirmed = allTypedNamesMatch(drives, typed);
  return (
    <Modal isOpen variant="small" onClose={onCancel} aria-labelledby="confirm-flash-title">
      <ModalHeader title={t('flash.confirmTitle')} labelId="confirm-flash-title" titleIconVariant="warning" />
      <ModalBody>
        {notice}
        <p>{t('flash.confirmBody', { image })}</p>
        <List>
          {drives.map((drive) => (
            <ListItem key={drive.path}>
              <strong>{drive.path}</strong> — {drive.description || drive.bus},{' '}
              {formatBytes(drive.size, i18n.language)}
            </ListItem>
          ))}
        </List>
        {warned.length > 0 && (
          <Form
            id="confirm-flash-typed"
            onSubmit={(event) => {
              event.preventDefault();
              if (confirmed) onConfirm();
            }}
          >
            <Alert isInline isPlain variant="warning" title={t('flash.typeNameIntro')} />
            {warned.map((drive) => (
              <TypedNameField
                key={drive.path}
                drive={drive}
                value={typed[drive.path] ?? ''}
                onChange={(value) => setTyped((current) => ({ ...current, [drive.path]: value }))}
              />
            ))}
          </Form>
        )}
      </ModalBody>
      <ModalFooter>
        <Button variant="danger" isDisabled={!confirmed || drives.length === 0} onClick={onConfirm}>
          {t('flash.confirmButton')}
        </Button>
        <Button variant="link" onClick={onCancel}>
          {t('flash.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
