import {
  Button,
  ClipboardCopy,
  Content,
  List,
  ListItem,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SshKeyInfo } from '../../shared/blueprint/sshKeyInfo';
import { isIsoType } from '../../shared/diskImages/imageTypes';
import { isTrackableReference } from '../../shared/updates/updateSource';
import { api } from '../api';
import { KnownUpdate } from '../components/updates/KnownUpdate';
import { useBlueprintStore } from '../stores/blueprintStore';
import { useBuildStore } from '../stores/buildStore';
import { useImageStore } from '../stores/imageStore';

/** A command the person can copy with one click. */
function Command({ label, command }: { label: string; command: string }) {
  const { t } = useTranslation();
  return (
    <ClipboardCopy
      isReadOnly
      hoverTip={t('firstBoot.copy')}
      clickTip={t('firstBoot.copied')}
      aria-label={label}
    >
      {command}
    </ClipboardCopy>
  );
}

/** The fingerprints of a user's keys, as `ssh-keygen -l` shows them, to check the first login. */
function useFingerprints(key: string): SshKeyInfo[] {
  const [keys, setKeys] = useState<SshKeyInfo[]>([]);
  useEffect(() => {
    let current = true;
    if (key.trim() === '') setKeys([]);
    else
      void api.call('inspectSshKeys', { key }).then((result) => {
        if (current) setKeys(result.ok ? result.keys : []);
      });
    return () => {
      current = false;
    };
  }, [key]);
  return keys;
}

function UserLogin({ name, sshKey, hasPassword }: { name: string; sshKey: string; hasPassword: boolean }) {
  const { t } = useTranslation();
  const keys = useFingerprints(sshKey);
  return (
    <ListItem>
      {keys.length > 0 ? (
        <>
          <Command label={t('firstBoot.sshLabel', { name })} command={`ssh ${name}@<host>`} />
          {keys.map((key) => (
            <Content component="p" key={key.line}>
              {t('firstBoot.fingerprint', { type: key.type, fingerprint: key.fingerprint })}
            </Content>
          ))}
        </>
      ) : null}
      {hasPassword ? <Content component="p">{t('firstBoot.consoleLogin', { name })}</Content> : null}
      {keys.length === 0 && !hasPassword ? (
        <Content component="p">{t('firstBoot.noLogin', { name })}</Content>
      ) : null}
    </ListItem>
  );
}

/**
 * What to do with the stick, written for this job: how to boot it, who logs in and how (with the
 * key fingerprints to compare), and how the system updates and rolls back with bootc.
 */
export function FirstBootStep() {
  const { t } = useTranslation();
  const users = useBlueprintStore((state) => state.users);
  const image = useImageStore((state) => state.reference.trim());
  const type = useBuildStore((state) => state.record?.request.type ?? state.type);
  // bib gave the installed system the name it built from: that is what the stick tracks.
  const tracked = useBuildStore((state) => state.record?.request.sourceImage) ?? image;
  const trackable = tracked !== '' && isTrackableReference(tracked);
  return (
    <Stack hasGutter className="bootstick-first-boot">
      <StackItem>
        <Title headingLevel="h3">{t('firstBoot.bootHeading')}</Title>
        <List component="ol">
          <ListItem>{t('firstBoot.insert')}</ListItem>
          <ListItem>{t('firstBoot.bootMenu')}</ListItem>
          <ListItem>{isIsoType(type) ? t('firstBoot.installer') : t('firstBoot.direct')}</ListItem>
        </List>
      </StackItem>
      <StackItem>
        <Title headingLevel="h3">{t('firstBoot.loginHeading')}</Title>
        {users.length === 0 ? (
          <Content component="p">{t('firstBoot.noUsers')}</Content>
        ) : (
          <List>
            {users.map((user) => (
              <UserLogin
                key={user.name}
                name={user.name}
                sshKey={user.key}
                hasPassword={Boolean(user.passwordHash)}
              />
            ))}
          </List>
        )}
      </StackItem>
      <StackItem>
        <Title headingLevel="h3">{t('firstBoot.updatesHeading')}</Title>
        <Content component="p">
          {t('firstBoot.updatesFrom', { image: tracked || t('firstBoot.yourImage') })}
        </Content>
        {tracked !== '' && !trackable && (
          <Content component="p" data-testid="first-boot-cannot-update">
            {t('firstBoot.cannotUpdate', { image: tracked })}
          </Content>
        )}
        <Content component="p">{t('updates.howBootcUpdates')}</Content>
        <Command label={t('firstBoot.status')} command="sudo bootc status" />
        <KnownUpdate tracked={tracked} />
        <Content component="p">{t('firstBoot.checkHint')}</Content>
        <Command label={t('firstBoot.check')} command="sudo bootc upgrade --check" />
        <Content component="p">{t('firstBoot.upgradeHint')}</Content>
        <Command label={t('firstBoot.upgrade')} command="sudo bootc upgrade" />
        <Command label={t('firstBoot.reboot')} command="sudo systemctl reboot" />
        <Content component="p">{t('firstBoot.rollbackHint')}</Content>
        <Command label={t('firstBoot.rollback')} command="sudo bootc rollback" />
        <Content component="p">{t('firstBoot.switchHint')}</Content>
        <Command
          label={t('firstBoot.switch')}
          command={`sudo bootc switch ${trackable ? tracked : 'registry.example.com/org/os:stable'}`}
        />
      </StackItem>
      <StackItem>
        <Button variant="secondary" onClick={() => window.print()}>
          {t('firstBoot.print')}
        </Button>
      </StackItem>
    </Stack>
  );
}
