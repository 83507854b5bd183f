import { FormGroup, FormHelperText, HelperText, HelperTextItem, TextInput } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { DriveView } from '../../shared/drives/driveView';
import { deviceNameOf, typedNameMatches } from '../../shared/drives/typedConfirmation';
import { formatBytes } from '../../shared/format/formatBytes';
import { driveDomId } from './driveDomId';

interface TypedNameFieldProps {
  drive: DriveView;
  value: string;
  onChange(value: string): void;
}

/**
 * Where the person types a warned drive's device name. Until it matches, the hint says what to
 * type; a wrong name says so in words (not only in red) so the disabled Erase button is explained.
 */
export function TypedNameField({ drive, value, onChange }: TypedNameFieldProps) {
  const { t, i18n } = useTranslation();
  const name = deviceNameOf(drive.path);
  const id = `${driveDomId(drive.path)}-typed-name`;
  const matched = typedNameMatches(drive.path, value);
  const wrong = value.trim() !== '' && !matched;
  return (
    <FormGroup
      fieldId={id}
      label={t('flash.typeNameLabel', {
        name,
        drive: drive.description || drive.path,
        size: formatBytes(drive.size, i18n.language),
      })}
    >
      <TextInput
        id={id}
        value={value}
        onChange={(_, text) => onChange(text)}
        validated={wrong ? 'error' : matched ? 'success' : 'default'}
        aria-describedby={`${id}-helper`}
        aria-invalid={wrong}
        autoComplete="off"
        spellCheck={false}
      />
      <FormHelperText>
        <HelperText id={`${id}-helper`} isLiveRegion>
          {wrong ? (
            <HelperTextItem variant="error">{t('flash.typeNameMismatch', { name })}</HelperTextItem>
          ) : matched ? (
            <HelperTextItem variant="success">{t('flash.typeNameMatched', { name })}</HelperTextItem>
          ) : (
            <HelperTextItem>{t('flash.typeNameHint', { name })}</HelperTextItem>
          )}
        </HelperText>
      </FormHelperText>
    </FormGroup>
  );
}
