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
import { useTranslation } from 'react-i18next';
import { EXAMPLE_IMAGE, useImageStore } from '../../stores/imageStore';
import { useWizardStore } from '../../stores/wizardStore';
import { LocalImageList } from './LocalImageList';

/** The bootc image the build starts from, checked as it is typed, or taken from local storage. */
export function ReferenceForm() {
  const { t } = useTranslation();
  const { reference, referenceError, setReference } = useImageStore();
  const goTo = useWizardStore((state) => state.goTo);
  const usable = reference.trim() !== '' && referenceError === null;
  return (
    <>
      <Form
        onSubmit={(event) => {
          event.preventDefault();
          if (usable) goTo('blueprint');
        }}
      >
        <FormGroup label={t('image.referenceLabel')} fieldId="image-reference" isRequired>
          <TextInput
            id="image-reference"
            value={reference}
            onChange={(_, value) => setReference(value)}
            validated={referenceError ? 'error' : 'default'}
            aria-describedby="image-reference-helper"
            placeholder={EXAMPLE_IMAGE}
          />
          <FormHelperText>
            <HelperText id="image-reference-helper">
              {referenceError ? (
                <HelperTextItem variant="error">{referenceError}</HelperTextItem>
              ) : (
                <HelperTextItem>{t('image.referenceHint', { example: EXAMPLE_IMAGE })}</HelperTextItem>
              )}
            </HelperText>
          </FormHelperText>
        </FormGroup>
        <ActionGroup>
          <Button type="submit" isDisabled={!usable}>
            {t('image.next')}
          </Button>
          <Button variant="link" onClick={() => setReference(EXAMPLE_IMAGE)}>
            {t('image.useExample', { example: EXAMPLE_IMAGE })}
          </Button>
        </ActionGroup>
      </Form>
      <LocalImageList onUse={setReference} />
    </>
  );
}
