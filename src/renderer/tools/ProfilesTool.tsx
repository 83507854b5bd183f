import { Alert, AlertActionLink, Stack, StackItem, Title } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../components/download';
import { useProfilesStore } from '../stores/profilesStore';
import { useWizardStore } from '../stores/wizardStore';
import { DeleteProfileModal } from './DeleteProfileModal';
import { type ProfileAction, ProfileList } from './ProfileList';
import { RenameProfileModal } from './RenameProfileModal';
import { SaveProfileForm } from './SaveProfileForm';

type Notice = { variant: 'success' | 'danger'; text: string; toBlueprint?: boolean };

/** Saved blueprints: save the form as one, load one into it, rename, delete, export as bib TOML. */
export function ProfilesTool() {
  const { t } = useTranslation();
  const { profiles, loaded, error, load, loadIntoForm, exportToml } = useProfilesStore();
  const goTo = useWizardStore((state) => state.goTo);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (action: ProfileAction, name: string) => {
    setNotice(null);
    if (action === 'rename') setRenaming(name);
    else if (action === 'delete') setDeleting(name);
    else if (action === 'load') {
      const problem = await loadIntoForm(name);
      setNotice(
        problem
          ? { variant: 'danger', text: problem }
          : { variant: 'success', text: t('tools.profiles.loaded', { name }), toBlueprint: true },
      );
    } else {
      const exported = await exportToml(name);
      if ('error' in exported) setNotice({ variant: 'danger', text: exported.error });
      else download(`${name}.toml`, 'application/toml', exported.text);
    }
  };

  return (
    <Stack hasGutter>
      <StackItem>
        <section aria-labelledby="profiles-save">
          <Title headingLevel="h3" id="profiles-save">
            {t('tools.profiles.saveHeading')}
          </Title>
          <SaveProfileForm
            onSaved={(name) => setNotice({ variant: 'success', text: t('tools.profiles.saved', { name }) })}
          />
        </section>
      </StackItem>
      {notice && (
        <StackItem>
          <Alert
            variant={notice.variant}
            isInline
            isLiveRegion
            title={notice.text}
            actionLinks={
              notice.toBlueprint ? (
                <AlertActionLink onClick={() => goTo('blueprint')}>
                  {t('tools.profiles.openBlueprint')}
                </AlertActionLink>
              ) : undefined
            }
          />
        </StackItem>
      )}
      <StackItem>
        <section aria-labelledby="profiles-list">
          <Title headingLevel="h3" id="profiles-list">
            {t('tools.profiles.listHeading')}
          </Title>
          {error && <Alert variant="danger" isInline title={error} />}
          {loaded && <ProfileList profiles={profiles} onAction={(action, name) => void act(action, name)} />}
        </section>
      </StackItem>
      {renaming && (
        <RenameProfileModal
          name={renaming}
          onDone={(to) => {
            setRenaming(null);
            if (to)
              setNotice({ variant: 'success', text: t('tools.profiles.renamed', { from: renaming, to }) });
          }}
        />
      )}
      {deleting && (
        <DeleteProfileModal
          name={deleting}
          onDone={(deleted) => {
            setDeleting(null);
            if (deleted)
              setNotice({ variant: 'success', text: t('tools.profiles.deleted', { name: deleting }) });
          }}
        />
      )}
    </Stack>
  );
}
