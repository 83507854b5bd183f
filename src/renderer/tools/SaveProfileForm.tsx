import { ActionGroup, Button, Form, FormGroup, TextInput } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProfilesStore } from '../stores/profilesStore';
import { FieldHint } from './FieldHint';

/** Saves the Blueprint step's form under a name; saving under an existing name replaces it (said so first). */
export function SaveProfileForm({ onSaved }: { onSaved(name: string): void }) {
  const { t } = useTranslation();
  const { profiles, saveCurrent } = useProfilesStore();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const exists = profiles.some((profile) => profile.name === name.trim());
  return (
    <Form
      isWidthLimited
      onSubmit={async (event) => {
        event.preventDefault();
        const trimmed = name.trim();
        if (trimmed === '') return;
        const problem = await saveCurrent(trimmed);
        setError(problem);
        if (problem === null) {
          setName('');
          onSaved(trimmed);
        }
      }}
    >
      <FormGroup label={t('tools.profiles.nameLabel')} fieldId="profile-name" isRequired>
        <TextInput
          id="profile-name"
          value={name}
          isRequired
          onChange={(_, value) => {
            setName(value);
            setError(null);
          }}
          validated={error ? 'error' : exists ? 'warning' : 'default'}
          aria-describedby="profile-name-helper"
        />
        <FieldHint
          id="profile-name-helper"
          error={error}
          hint={exists ? t('tools.profiles.replaces', { name: name.trim() }) : t('tools.profiles.nameHint')}
        />
      </FormGroup>
      <ActionGroup>
        <Button type="submit" isDisabled={name.trim() === ''}>
          {t('tools.profiles.save')}
        </Button>
      </ActionGroup>
    </Form>
  );
}
