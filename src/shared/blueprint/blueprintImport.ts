import { z } from 'zod';
import { BlueprintSchema } from './blueprintSchema';
import { SourceProblemSchema } from './problem';

export const BlueprintFormatSchema = z.enum(['toml', 'json']);
export type BlueprintFormat = z.infer<typeof BlueprintFormatSchema>;

/**
 * What importing a bib config gives: the blueprint (with any warnings, each on its line), or only
 * the problems that stop it from being read.
 */
export const BlueprintImportResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    format: BlueprintFormatSchema,
    blueprint: BlueprintSchema,
    problems: z.array(SourceProblemSchema),
  }),
  z.object({ ok: z.literal(false), format: BlueprintFormatSchema, problems: z.array(SourceProblemSchema) }),
]);
export type BlueprintImportResult = z.infer<typeof BlueprintImportResultSchema>;
