import type { TFunction } from 'i18next';
import { formatBytes } from '../../../shared/format/formatBytes';
import type { ChosenImage } from '../../../shared/image';

/** "Raw disk image with GPT partitions, xz-compressed" in the person's language. */
export function formatText(image: ChosenImage, t: TFunction): string {
  const kind = t(`image.file.kind.${image.format.kind}`);
  const { compression } = image.format;
  return compression === 'none' ? kind : t(`image.file.compression.${compression}`, { kind });
}

/** The file's size; for a compressed file, said to be the compressed size (the written size shows while flashing). */
export function sizeText(image: ChosenImage, t: TFunction, language: string): string {
  const size = formatBytes(image.size, language);
  return image.format.compression === 'none' ? size : t('image.file.compressedSize', { size });
}
