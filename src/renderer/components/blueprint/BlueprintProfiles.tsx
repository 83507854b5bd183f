import {
  ActionGroup,
  Alert,
  Button,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Title,
} from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProfilesStore } from '../../stores/profilesStore';
import { SaveProfileForm } from '../../tools/SaveProfileForm';

type Notice = { variant: 'success' | 'danger'; text: string };

/**
 * Profiles from inside the Blueprint step: load a saved blueprint into the form, or save the
 * form under a name. The same store and save form as the Profiles tool, not a copy of them.
 */
export function BlueprintProfiles() {
  const { t } = useTranslation();
  const { profiles, loaded, load, loadIntoForm } = useProfilesStore();
  const [chosen, setChosen] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  useEffect(() => {
    void load();
  }, [load]);
  const selected = profiles.some((profile) => profile.name === chosen) ? chosen : (profiles[0]?.name ?? '');
  return (
    <section aria-labelledby="blueprint-profiles-title">
      <Title headingLevel="h3" id="blueprint-profiles-title">
        {t('blueprint.profiles')}
      </Title>
      {loaded && profiles.length > 0 ? (
        <Form
          isWidthLimited
          onSubmit={async (event) => {
            event.preventDefault();
            if (selected === '') return;
            const problem = await loadIntoForm(selected);
            setNotice(
              problem
                ? { variant: 'danger', text: problem }
                : { variant: 'success', text: t('blueprint.profileLoaded', { name: selected }) },
            );
          }}
        >
          <FormGroup label={t('blueprint.profileToLoad')} fieldId="blueprint-profile-choice">
            <FormSelect
              id="blueprint-profile-choice"
              value={selected}
              onChange={(_, value) => setChosen(value)}
            >
              {profiles.map((profile) => (
                <FormSelectOption key={profile.name} value={profile.name} label={profile.name} />
              ))}
            </FormSelect>
          </FormGroup>
          <ActionGroup>
            <Button type="submit" variant="secondary">
              {t('blueprint.loadProfile')}
            </Button>
          </ActionGroup>
        </Form>
      ) : null}
      <SaveProfileForm
        onSaved={(name) => setNotice({ variant: 'success', text: t('tools.profiles.saved', { name }) })}
      />
      {notice ? <Alert variant={notice.variant} isInline isPlain isLiveRegion title={notice.text} /> : null}
    </section>
  );
}
