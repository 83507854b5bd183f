import {
  Button,
  Form,
  FormGroup,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextInput,
} from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProfilesStore } from '../stores/profilesStore';
import { FieldHint } from './FieldHint';

/** Asks for a profile's new name; main's refusal (a taken or unusable name) shows under the field. */
export function RenameProfileModal({
  name,
  onDone,
}: {
  name: string;
  onDone(renamedTo: string | null): void;
}) {
  const { t } = useTranslation();
  const rename = useProfilesStore((state) => state.rename);
  const [to, setTo] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const problem = await rename(name, to.trim());
    if (problem === null) onDone(to.trim());
    else setError(problem);
  };
  return (
    <Modal isOpen variant="small" onClose={() => onDone(null)} aria-labelledby="rename-profile-title">
      <ModalHeader title={t('tools.profiles.renameTitle', { name })} labelId="rename-profile-title" />
      <ModalBody>
        <Form
          id="rename-profile-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (to.trim() !== '') void submit();
          }}
        >
          <FormGroup label={t('tools.profiles.newName')} fieldId="profile-new-name" isRequired>
            <TextInput
              id="profile-new-name"
              value={to}
              isRequired
              onChange={(_, value) => {
                setTo(value);
                setError(null);
              }}
              validated={error ? 'error' : 'default'}
              aria-describedby="profile-new-name-helper"
            />
            <FieldHint id="profile-new-name-helper" error={error} hint={t('tools.profiles.newNameHint')} />
          </FormGroup>
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button type="submit" form="rename-profile-form" isDisabled={to.trim() === ''}>
          {t('tools.profiles.renameButton')}
        </Button>
        <Button variant="link" onClick={() => onDone(null)}>
          {t('tools.profiles.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
