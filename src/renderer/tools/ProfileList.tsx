import {
  Button,
  DataList,
  DataListAction,
  DataListCell,
  DataListItem,
  DataListItemCells,
  DataListItemRow,
  EmptyState,
  EmptyStateBody,
  Flex,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '../../shared/blueprint/profile';

export type ProfileAction = 'load' | 'rename' | 'export' | 'delete';

/**
 * The saved profiles by name, each with its actions. Every button is described by its row's
 * profile name, so a screen reader says which profile "Rename" renames.
 */
export function ProfileList({
  profiles,
  onAction,
}: {
  profiles: ProfileSummary[];
  onAction(action: ProfileAction, name: string): void;
}) {
  const { t, i18n } = useTranslation();
  if (profiles.length === 0) {
    return (
      <EmptyState titleText={t('tools.profiles.none')} headingLevel="h4" variant="xs">
        <EmptyStateBody>{t('tools.profiles.noneHint')}</EmptyStateBody>
      </EmptyState>
    );
  }
  const actions: { action: ProfileAction; variant: 'secondary' | 'link' }[] = [
    { action: 'load', variant: 'secondary' },
    { action: 'rename', variant: 'link' },
    { action: 'export', variant: 'link' },
    { action: 'delete', variant: 'link' },
  ];
  return (
    <DataList aria-label={t('tools.profiles.listHeading')}>
      {profiles.map((profile, index) => {
        const id = `profile-${index}`;
        return (
          <DataListItem key={profile.name} aria-labelledby={`${id}-name`} data-testid="profile-row">
            <DataListItemRow>
              <DataListItemCells
                dataListCells={[
                  <DataListCell key="name">
                    <strong id={`${id}-name`}>{profile.name}</strong>
                    <div>
                      {t('tools.profiles.updated', {
                        time: new Date(profile.updatedAt).toLocaleString(i18n.language),
                      })}
                    </div>
                  </DataListCell>,
                ]}
              />
              <DataListAction
                id={`${id}-actions`}
                aria-labelledby={`${id}-name ${id}-actions`}
                aria-label={t('tools.profiles.actions')}
              >
                <Flex spaceItems={{ default: 'spaceItemsSm' }} flexWrap={{ default: 'nowrap' }}>
                  {actions.map(({ action, variant }) => (
                    <Button
                      key={action}
                      variant={variant}
                      isDanger={action === 'delete'}
                      aria-describedby={`${id}-name`}
                      onClick={() => onAction(action, profile.name)}
                    >
                      {t(`tools.profiles.${action}`)}
                    </Button>
                  ))}
                </Flex>
              </DataListAction>
            </DataListItemRow>
          </DataListItem>
        );
      })}
    </DataList>
  );
}
