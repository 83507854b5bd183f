import { Alert, Button, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProfilesStore } from '../stores/profilesStore';

/** The question before a profile is gone for good. */
export function DeleteProfileModal({ name, onDone }: { name: string; onDone(deleted: boolean): void }) {
  const { t } = useTranslation();
  const remove = useProfilesStore((state) => state.remove);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal isOpen variant="small" onClose={() => onDone(false)} aria-labelledby="delete-profile-title">
      <ModalHeader
        title={t('tools.profiles.deleteTitle', { name })}
        labelId="delete-profile-title"
        titleIconVariant="warning"
      />
      <ModalBody>
        <p>{t('tools.profiles.deleteBody')}</p>
        {error && <Alert variant="danger" isInline title={error} />}
      </ModalBody>
      <ModalFooter>
        <Button
          variant="danger"
          onClick={async () => {
            const problem = await remove(name);
            if (problem === null) onDone(true);
            else setError(problem);
          }}
        >
          {t('tools.profiles.deleteButton')}
        </Button>
        <Button variant="link" onClick={() => onDone(false)}>
          {t('tools.profiles.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
