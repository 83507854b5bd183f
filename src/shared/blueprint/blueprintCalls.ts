import { z } from 'zod';
import { ImageTypeSchema, RootFsSchema } from '../diskImages/imageTypes';
import { UpdatesFromSchema } from '../updates/updateSource';
import { BlueprintFormatSchema } from './blueprintImport';
import { BlueprintProblemSchema } from './problem';
import { ProfileNameSchema } from './profile';

/**
 * Inputs and outputs of the blueprint calls, for the contract (src/shared/api.ts) to declare.
 * A blueprint crosses as `unknown`: a half-edited form may not match the model yet, and main
 * answers with problems rather than a bare "invalid input".
 */
const context = {
  imageType: ImageTypeSchema.optional(),
  rootfs: RootFsSchema.optional(),
};

/** A config file's text is small; anything huge is a mistake (or an attack on the parser). */
const MAX_CONFIG_CHARS = 1_000_000;

export const ImportBlueprintInputSchema = z.strictObject({
  text: z.string().max(MAX_CONFIG_CHARS),
  fileName: z.string().max(4096).optional(),
  format: BlueprintFormatSchema.optional(),
});

export const CheckBlueprintInputSchema = z.strictObject({ blueprint: z.unknown(), ...context });
export const CheckBlueprintOutputSchema = z.array(BlueprintProblemSchema);

export const ExportBlueprintInputSchema = z.strictObject({
  blueprint: z.unknown(),
  format: BlueprintFormatSchema,
  ...context,
});
export const ExportBlueprintOutputSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), text: z.string() }),
  z.object({ ok: z.literal(false), problems: z.array(BlueprintProblemSchema) }),
]);
export type ExportBlueprintOutput = z.infer<typeof ExportBlueprintOutputSchema>;

export const InspectSshKeysInputSchema = z.strictObject({ key: z.string().max(100_000) });

export const ProfileNameInputSchema = z.strictObject({ name: ProfileNameSchema });
export const SaveProfileInputSchema = z.strictObject({
  name: ProfileNameSchema,
  blueprint: z.unknown(),
  updatesFrom: UpdatesFromSchema.optional(),
});
export const RenameProfileInputSchema = z.strictObject({ from: ProfileNameSchema, to: ProfileNameSchema });
export const ExportProfileInputSchema = z.strictObject({ name: ProfileNameSchema, ...context });
