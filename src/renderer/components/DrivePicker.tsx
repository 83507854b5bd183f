import {
  EmptyState,
  EmptyStateBody,
  Gallery,
  Switch,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { useDrivesStore, visibleDrives } from '../stores/drivesStore';
import { useSettingsStore } from '../stores/settingsStore';
import { DriveCard } from './DriveCard';

/**
 * The live list of drives: appears and disappears as drives come and go. System drives stay
 * hidden unless asked for; refused drives are shown with their reasons but cannot be picked.
 */
export function DrivePicker() {
  const { t } = useTranslation();
  const { drives, showHidden, selected, setShowHidden, toggleSelected } = useDrivesStore();
  const showVirtual = useSettingsStore((state) => state.settings?.showVirtualDrives ?? false);
  const updateSettings = useSettingsStore((state) => state.update);
  const shown = visibleDrives({ drives, showHidden });
  const hiddenCount = drives.length - drives.filter((drive) => !drive.verdict.hidden).length;
  const available = drives.filter((drive) => drive.verdict.status !== 'refused').length;

  return (
    <section aria-labelledby="drives-heading">
      <Title headingLevel="h3" id="drives-heading">
        {t('drives.heading')}
      </Title>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <Switch
              id="show-hidden-drives"
              label={t('drives.showHidden', { count: hiddenCount })}
              isChecked={showHidden}
              onChange={(_, checked) => setShowHidden(checked)}
            />
          </ToolbarItem>
          <ToolbarItem>
            <Switch
              id="show-virtual-drives"
              label={t('drives.showVirtual')}
              isChecked={showVirtual}
              onChange={(_, checked) => void updateSettings({ showVirtualDrives: checked })}
            />
          </ToolbarItem>
          <ToolbarItem>
            <output aria-live="polite">
              {t('drives.count', { count: available })}
              {selected.length > 0 && ` · ${t('drives.selectedCount', { count: selected.length })}`}
            </output>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {shown.length === 0 ? (
        <EmptyState titleText={t('drives.none')} headingLevel="h4">
          <EmptyStateBody>{t('drives.noneHint')}</EmptyStateBody>
        </EmptyState>
      ) : (
        <Gallery hasGutter minWidths={{ default: '320px' }} component="ul" aria-labelledby="drives-heading">
          {shown.map((drive) => (
            <li key={drive.path}>
              <DriveCard
                drive={drive}
                isSelected={selected.includes(drive.path)}
                onToggle={() => toggleSelected(drive.path)}
              />
            </li>
          ))}
        </Gallery>
      )}
    </section>
  );
}
