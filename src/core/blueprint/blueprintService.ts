import type { ExportBlueprintOutput } from '../../shared/blueprint/blueprintCalls';
import type { BlueprintFormat } from '../../shared/blueprint/blueprintImport';
import { type Blueprint, BlueprintSchema } from '../../shared/blueprint/blueprintSchema';
import { type BlueprintProblem, formatPath } from '../../shared/blueprint/problem';
import { schemaProblems } from '../../shared/blueprint/schemaProblems';
import type { ValidationContext } from '../../shared/blueprint/validationContext';
import { AppError } from '../../shared/errors';
import { exportBlueprintJson } from './blueprintJson';
import { exportBlueprintToml } from './blueprintToml';
import { checkBlueprint } from './checkBlueprint';
import { BlueprintRefusedError } from './exportBlueprint';
import { importBlueprint } from './importBlueprint';
import { inspectSshKeys } from './inspectSshKey';
import { openProfileStore } from './profileStore';

/** The model, or every reason the input does not have its shape. */
function asBlueprint(input: unknown): { blueprint: Blueprint } | { problems: BlueprintProblem[] } {
  const parsed = BlueprintSchema.safeParse(input);
  return parsed.success
    ? { blueprint: parsed.data }
    : { problems: schemaProblems(input, parsed.error.issues) };
}

/**
 * The blueprint calls as the router exposes them: plain values in, plain values out, problems
 * as data (never a thrown list), AppError for what a person must be told.
 */
export function createBlueprintService(dataDir: string) {
  const profiles = openProfileStore(dataDir);
  return {
    inspectSshKeys: ({ key }: { key: string }) => inspectSshKeys(key),

    importBlueprint: (input: { text: string; fileName?: string; format?: BlueprintFormat }) =>
      importBlueprint(input.text, input),

    checkBlueprint(input: { blueprint: unknown } & ValidationContext): BlueprintProblem[] {
      const shaped = asBlueprint(input.blueprint);
      return 'problems' in shaped ? shaped.problems : checkBlueprint(shaped.blueprint, input);
    },

    exportBlueprint(
      input: { blueprint: unknown; format: BlueprintFormat } & ValidationContext,
    ): ExportBlueprintOutput {
      try {
        const write = input.format === 'json' ? exportBlueprintJson : exportBlueprintToml;
        return { ok: true, text: write(input.blueprint, input) };
      } catch (error) {
        if (error instanceof BlueprintRefusedError) return { ok: false, problems: error.problems };
        throw error;
      }
    },

    listProfiles: () => profiles.list(),
    getProfile: ({ name }: { name: string }) => profiles.get(name),

    async saveProfile({
      name,
      blueprint,
      updatesFrom,
    }: {
      name: string;
      blueprint: unknown;
      updatesFrom?: string | undefined;
    }) {
      const shaped = asBlueprint(blueprint);
      if ('problems' in shaped) {
        const first = shaped.problems[0];
        throw new AppError(
          'invalidInput',
          `${formatPath(first?.path ?? []) || 'blueprint'}: ${first?.message ?? 'invalid'}`,
        );
      }
      return profiles.save(name, shaped.blueprint, new Date(), { updatesFrom });
    },

    renameProfile: ({ from, to }: { from: string; to: string }) => profiles.rename(from, to),
    deleteProfile: ({ name }: { name: string }) => profiles.delete(name),
    exportProfile: ({ name, ...context }: { name: string } & ValidationContext) =>
      profiles.exportToml(name, context),
  };
}
export type BlueprintService = ReturnType<typeof createBlueprintService>;
