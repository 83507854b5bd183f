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
import { api } from '../../api';
import { useFlashStore } from '../../stores/flashStore';
import { useWizardStore } from '../../stores/wizardStore';
import { formatText, sizeText } from './describeDiskImage';
import './image.css';

/**
 * A finished disk image file, by dialog or drag-and-drop. Main inspects it (size, format) and makes
 * it the image to flash; a refused file leaves the earlier choice as it was, with the reason here.
 */
export function DiskImagePicker() {
  const { t, i18n } = useTranslation();
  const { image, imageError, imageErrorCode, chooseImage } = useFlashStore();
  const goTo = useWizardStore((state) => state.goTo);
  const [over, setOver] = useState(false);
  /** A problem found before asking main (a drop that is no file), or the path main refused. */
  const [local, setLocal] = useState<{ problem: string | null; refusedPath: string | null }>({
    problem: null,
    refusedPath: null,
  });

  const choose = async (path: string) => {
    const accepted = await chooseImage(path);
    setLocal({ problem: null, refusedPath: accepted ? null : path });
  };
  const browse = async () => {
    const { path } = await api.call('openFileDialog', { purpose: 'diskImage' });
    if (path) await choose(path);
  };
  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const files = [...event.dataTransfer.files];
    const [file] = files;
    if (files.length !== 1 || !file) {
      setLocal({ problem: t('image.file.oneAtATime'), refusedPath: null });
      return;
    }
    const path = api.pathForFile(file);
    if (path === '') setLocal({ problem: t('image.file.notFromDisk'), refusedPath: null });
    else void choose(path);
  };

  const refusal =
    local.problem ??
    (local.refusedPath !== null && imageError !== null
      ? imageErrorCode === 'imageNotFound' ||
        imageErrorCode === 'imageNotAFile' ||
        imageErrorCode === 'imageNotADiskImage'
        ? t(`image.file.refused.${imageErrorCode}`, { path: local.refusedPath })
        : t('image.file.refused.other', { message: imageError })
      : null);

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
        <Button variant="secondary" onClick={() => void browse()}>
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
