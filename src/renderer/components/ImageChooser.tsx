import {
  ActionGroup,
  Button,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  TextInput,
} from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../shared/format/formatBytes';
import { useFlashStore } from '../stores/flashStore';
import { formatText } from './image/describeDiskImage';

/** The image to flash, by path, with its format (the Image step brings file dialogs and drag-and-drop). */
export function ImageChooser() {
  const { t, i18n } = useTranslation();
  const { image, imageError, chooseImage } = useFlashStore();
  const [path, setPath] = useState(image?.path ?? '');
  return (
    <Form
      onSubmit={(event) => {
        event.preventDefault();
        void chooseImage(path.trim());
      }}
    >
      <FormGroup label={t('flash.imageLabel')} fieldId="image-path">
        <TextInput
          id="image-path"
          value={path}
          onChange={(_, value) => setPath(value)}
          validated={imageError ? 'error' : 'default'}
          aria-describedby="image-path-helper"
        />
        <FormHelperText>
          <HelperText id="image-path-helper">
            {/* A refused file leaves the earlier image chosen: both are said. */}
            {imageError ? <HelperTextItem variant="error">{imageError}</HelperTextItem> : null}
            {image ? (
              <HelperTextItem variant="success">
                {t('flash.imageChosen', { path: image.path, size: formatBytes(image.size, i18n.language) })}
                {` — ${formatText(image, t)}`}
              </HelperTextItem>
            ) : imageError ? null : (
              <HelperTextItem>{t('flash.imageHint')}</HelperTextItem>
            )}
          </HelperText>
        </FormHelperText>
      </FormGroup>
      <ActionGroup>
        <Button type="submit" variant="secondary" isDisabled={path.trim() === ''}>
          {t('flash.useImage')}
        </Button>
      </ActionGroup>
    </Form>
  );
}
