import { useTranslation } from 'react-i18next';
import { type ChoiceOrigin, useDiskImageChoiceStore } from '../../stores/diskImageChoiceStore';
import { useFlashStore } from '../../stores/flashStore';

/**
 * The words for why the last disk image choice made at `origin` was not taken, or null when it was
 * (or was made elsewhere: each place says only its own refusal).
 */
export function useDiskImageRefusal(origin: ChoiceOrigin): string | null {
  const { t } = useTranslation();
  const { problem, refusedPath, origin: last } = useDiskImageChoiceStore();
  const { imageError, imageErrorCode } = useFlashStore();
  if (last !== origin) return null;
  if (problem) return t(`image.file.${problem}`);
  if (refusedPath === null || imageError === null) return null;
  return imageErrorCode === 'imageNotFound' ||
    imageErrorCode === 'imageNotAFile' ||
    imageErrorCode === 'imageNotADiskImage'
    ? t(`image.file.refused.${imageErrorCode}`, { path: refusedPath })
    : t('image.file.refused.other', { message: imageError });
}
