import {
  Alert,
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  HelperText,
  HelperTextItem,
} from '@patternfly/react-core';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDiskImageChoiceStore } from '../../stores/diskImageChoiceStore';
import { useFlashStore } from '../../stores/flashStore';
import { useWizardStore } from '../../stores/wizardStore';
import { formatText, sizeText } from './describeDiskImage';
import { useDiskImageRefusal } from './useDiskImageRefusal';
import './image.css';

/**
 * A finished disk image file, by dialog or drag-and-drop. Main inspects it (size, format) and makes
 * it the image to flash; a refused file leaves the earlier choice as it was, with the reason here.
 */
export function DiskImagePicker() {
  const { t, i18n } = useTranslation();
  const image = useFlashStore((state) => state.image);
  const { browse, chooseDropped } = useDiskImageChoiceStore();
  const goTo = useWizardStore((state) => state.goTo);
  const [over, setOver] = useState(false);
  const refusal = useDiskImageRefusal('tab');
  const drop = (event: DragEvent<HTMLDivElement>) => {
    // Handled here: the window-wide drop (WindowDrop) leaves a drop it sees prevented alone.
    event.preventDefault();
    setOver(false);
    void chooseDropped([...event.dataTransfer.files], 'tab');
  };

  return (
    <>
      <p>{t('image.file.hint')}</p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a mouse gesture; the button inside does the same from the keyboard */}
      <div
        className={`bootstick-drop-zone${over ? ' bootstick-drop-zone--over' : ''}`}
        data-testid="disk-image-drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <p>{t('image.file.dropZone')}</p>
        <Button variant="secondary" onClick={() => void browse('tab')}>
          {t('image.file.browse')}
        </Button>
      </div>
      <HelperText aria-live="polite">
        {refusal ? <HelperTextItem variant="error">{refusal}</HelperTextItem> : null}
      </HelperText>
      {image ? (
        <Alert variant="success" isInline title={t('image.file.chosenTitle')} data-testid="chosen-disk-image">
          <DescriptionList isHorizontal isCompact>
            <DescriptionListGroup>
              <DescriptionListTerm>{t('image.file.path')}</DescriptionListTerm>
              <DescriptionListDescription className="bootstick-image-path">
                {image.path}
              </DescriptionListDescription>
            </DescriptionListGroup>
            <DescriptionListGroup>
              <DescriptionListTerm>{t('image.file.size')}</DescriptionListTerm>
              <DescriptionListDescription>{sizeText(image, t, i18n.language)}</DescriptionListDescription>
            </DescriptionListGroup>
            <DescriptionListGroup>
              <DescriptionListTerm>{t('image.file.format')}</DescriptionListTerm>
              <DescriptionListDescription>{formatText(image, t)}</DescriptionListDescription>
            </DescriptionListGroup>
          </DescriptionList>
          <Button onClick={() => goTo('flash')}>{t('image.file.toFlash')}</Button>
        </Alert>
      ) : null}
    </>
  );
}
