import {
  Alert,
  Button,
  FormSelect,
  FormSelectOption,
  Modal,
  ModalBody,
  ModalHeader,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProfilesStore } from '../../stores/profilesStore';
import { SaveProfileForm } from '../../tools/SaveProfileForm';
import { download } from '../download';
import { BlueprintImport } from './BlueprintImport';

type Notice = { variant: 'success' | 'danger'; text: string };

/**
 * What a person does to the whole blueprint rather than to one field — load or save a profile,
 * import a bib config, download the config.toml — as one row above the form, so the users come
 * first on the page. The same profile store and save form as the Profiles tool, not copies.
 */
export function BlueprintToolbar({ configToml }: { configToml: string | null }) {
  const { t } = useTranslation();
  const { profiles, loaded, load, loadIntoForm } = useProfilesStore();
  const [chosen, setChosen] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dialog, setDialog] = useState<'save' | 'import' | null>(null);
  useEffect(() => {
    void load();
  }, [load]);
  const selected = profiles.some((profile) => profile.name === chosen) ? chosen : (profiles[0]?.name ?? '');
  const loadSelected = async () => {
    if (selected === '') return;
    const problem = await loadIntoForm(selected);
    setNotice(
      problem
        ? { variant: 'danger', text: problem }
        : { variant: 'success', text: t('blueprint.profileLoaded', { name: selected }) },
    );
  };
  return (
    <section aria-label={t('blueprint.toolbar')}>
      <Toolbar>
        <ToolbarContent>
          {loaded && profiles.length > 0 ? (
            <ToolbarGroup>
              <ToolbarItem>
                <FormSelect
                  id="blueprint-profile-choice"
                  aria-label={t('blueprint.profileToLoad')}
                  value={selected}
                  onChange={(_, value) => setChosen(value)}
                >
                  {profiles.map((profile) => (
                    <FormSelectOption key={profile.name} value={profile.name} label={profile.name} />
                  ))}
                </FormSelect>
              </ToolbarItem>
              <ToolbarItem>
                <Button variant="secondary" onClick={() => void loadSelected()}>
                  {t('blueprint.loadProfile')}
                </Button>
              </ToolbarItem>
            </ToolbarGroup>
          ) : null}
          <ToolbarGroup>
            <ToolbarItem>
              <Button variant="secondary" onClick={() => setDialog('save')}>
                {t('blueprint.saveProfile')}
              </Button>
            </ToolbarItem>
            <ToolbarItem>
              <Button variant="secondary" onClick={() => setDialog('import')}>
                {t('blueprint.import')}
              </Button>
            </ToolbarItem>
            <ToolbarItem>
              <Button
                variant="secondary"
                isDisabled={configToml === null}
                onClick={() => configToml !== null && download('config.toml', 'application/toml', configToml)}
              >
                {t('blueprint.downloadConfig')}
              </Button>
            </ToolbarItem>
          </ToolbarGroup>
        </ToolbarContent>
      </Toolbar>
      {notice ? <Alert variant={notice.variant} isInline isPlain isLiveRegion title={notice.text} /> : null}
      <Modal
        isOpen={dialog === 'save'}
        variant="small"
        onClose={() => setDialog(null)}
        aria-labelledby="save-profile-title"
      >
        <ModalHeader title={t('blueprint.saveProfileTitle')} labelId="save-profile-title" />
        <ModalBody>
          <SaveProfileForm
            onSaved={(name) => {
              setDialog(null);
              setNotice({ variant: 'success', text: t('tools.profiles.saved', { name }) });
            }}
          />
        </ModalBody>
      </Modal>
      <Modal
        isOpen={dialog === 'import'}
        variant="medium"
        onClose={() => setDialog(null)}
        aria-labelledby="import-config-title"
      >
        <ModalHeader title={t('blueprint.importTitle')} labelId="import-config-title" />
        <ModalBody>
          <BlueprintImport
            onImported={() => {
              setDialog(null);
              setNotice({ variant: 'success', text: t('blueprint.importDone') });
            }}
          />
        </ModalBody>
      </Modal>
    </section>
  );
}
