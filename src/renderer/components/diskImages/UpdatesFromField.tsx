import { FormGroup, FormHelperText, HelperText, HelperTextItem, TextInput } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { isTrackableReference } from '../../../shared/updates/updateSource';
import { useBuildStore } from '../../stores/buildStore';

/**
 * "Updates from": the registry reference the stick's system will follow. bib gives the installed
 * system the source image's name; this name is tagged onto the image first, so a build from
 * localhost/… still installs a system that can `bootc upgrade`. Checked as the person types.
 */
export function UpdatesFromField({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const { updatesFrom, setUpdatesFrom } = useBuildStore();
  const typed = updatesFrom.trim();
  const invalid = typed !== '' && !isTrackableReference(typed);
  return (
    <FormGroup label={t('updates.updatesFrom.label')} fieldId="build-updates-from">
      <TextInput
        id="build-updates-from"
        value={updatesFrom}
        onChange={(_, value) => setUpdatesFrom(value)}
        isDisabled={disabled}
        validated={invalid ? 'error' : 'default'}
        aria-invalid={invalid}
        aria-describedby="build-updates-from-helper"
        placeholder="registry.example.com/org/os:stable"
        spellCheck={false}
        autoComplete="off"
      />
      <FormHelperText>
        <HelperText id="build-updates-from-helper" isLiveRegion>
          {invalid ? (
            <HelperTextItem variant="error">
              {t('updates.updatesFrom.invalid', { ref: typed })}
            </HelperTextItem>
          ) : (
            <HelperTextItem>{t('updates.updatesFrom.hint')}</HelperTextItem>
          )}
        </HelperText>
      </FormHelperText>
    </FormGroup>
  );
}
