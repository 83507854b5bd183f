import { create } from 'zustand';
import { ImageRefSchema } from '../../shared/diskImages/bibRun';

/** A quick, well-known starting point: the image bootc's own documentation builds from. */
export const EXAMPLE_IMAGE = 'quay.io/centos-bootc/centos-bootc:stream10';

/** Where the image comes from: a reference, a Containerfile to build, or a finished disk image file. */
export type ImageSource = 'reference' | 'containerfile' | 'diskImage';

interface ImageState {
  source: ImageSource;
  setSource(source: ImageSource): void;
  /** The bootc image to build from, as typed. */
  reference: string;
  /** Why the reference cannot be used, or null. */
  referenceError: string | null;
  setReference(reference: string): void;
}

function problemOf(reference: string): string | null {
  if (reference.trim() === '') return null;
  const parsed = ImageRefSchema.safeParse(reference.trim());
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Not an image reference.');
}

/** The Image step: which bootc image the build starts from. */
export const useImageStore = create<ImageState>((set) => ({
  source: 'reference',
  setSource: (source) => set({ source }),
  reference: '',
  referenceError: null,
  setReference: (reference) => set({ reference, referenceError: problemOf(reference) }),
}));
