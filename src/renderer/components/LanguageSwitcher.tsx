import { ToggleGroup, ToggleGroupItem } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';
import { useSettingsStore } from '../stores/settingsStore';

/** English / 한국어, saved as a setting so the next start speaks the same language. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.settings?.language ?? 'en');
  const update = useSettingsStore((state) => state.update);
  return (
    <ToggleGroup aria-label={t('app.language')}>
      {LANGUAGES.map(({ code, name }) => (
        <ToggleGroupItem
          key={code}
          text={name}
          lang={code}
          buttonId={`language-${code}`}
          isSelected={language === code}
          onChange={() => void update({ language: code })}
        />
      ))}
    </ToggleGroup>
  );
}
