import { type ImageType, isIsoType, type RootFs } from '../diskImages/imageTypes';
import type { Blueprint } from './blueprintSchema';
import type { BlueprintProblem } from './problem';

/** Which code base builds: they honour different keys (see builderKind in core/diskImages). */
export type BuilderKind = 'bootc-image-builder' | 'image-builder-cli';

/** What the blueprint will be built into; unknown fields mean "could be any". */
export interface ValidationContext {
  imageType?: ImageType;
  rootfs?: RootFs;
  /** Unknown (the form, before a build asked the builder): judged as bootc-image-builder. */
  builder?: BuilderKind;
}

export type BlueprintRule = (blueprint: Blueprint, context: ValidationContext) => BlueprintProblem[];

/** ISO-only checks run when the type is an ISO type or not chosen yet. */
export function mayBeIso(context: ValidationContext): boolean {
  return context.imageType === undefined || isIsoType(context.imageType);
}

/** Disk-only checks run when the type is a disk type or not chosen yet. */
export function mayBeDisk(context: ValidationContext): boolean {
  return context.imageType === undefined || !isIsoType(context.imageType);
}

/** Control characters (C0, DEL, C1): harmless in bib's config, harmful where osbuild puts them. */
export const CONTROL_CHARACTER = /\p{Cc}/u;
