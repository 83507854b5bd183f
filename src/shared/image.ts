import { z } from 'zod';
import { DiskImageFormatSchema } from './imageFiles/diskImageFormat';

/** The image chosen for flashing, as far as drive safety needs to know it. */
export const ImageInfoSchema = z.object({
  path: z.string(),
  size: z.number().int().nonnegative(),
  /** Whole disks (e.g. /dev/sda) the image file lives on: never a valid target. */
  diskPaths: z.array(z.string()),
});
export type ImageInfo = z.infer<typeof ImageInfoSchema>;

/** An image file chosen in the Image or Flash step: what drive safety needs, plus what it is. */
export const ChosenImageSchema = ImageInfoSchema.extend({ format: DiskImageFormatSchema });
export type ChosenImage = z.infer<typeof ChosenImageSchema>;
