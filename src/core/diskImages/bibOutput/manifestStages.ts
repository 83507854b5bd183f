import { z } from 'zod';

/** One stage osbuild will run, in the order the manifest lists it. */
export interface ManifestStage {
  pipeline: string;
  /** osbuild's stage type, e.g. `org.osbuild.selinux`. */
  stageType: string;
}

/** bib's `manifest` output was not an osbuild manifest we can plan progress from. */
export class ManifestParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestParseError';
  }
}

// Only what progress needs: pipeline names and stage types. Everything else in a stage
// (options, inputs, devices, mounts) is osbuild's business and left unchecked.
const StageSchema = z.object({ type: z.string().regex(/^org\.osbuild\.[A-Za-z0-9._-]+$/) });
const PipelineSchema = z.object({
  name: z.string().min(1),
  build: z.string().optional(),
  stages: z.array(StageSchema.passthrough()).default([]),
});
const ManifestSchema = z.object({
  version: z.literal('2'),
  pipelines: z.array(PipelineSchema).min(1),
});

/**
 * The pipelines osbuild runs to export `exported`: that pipeline and, recursively, every one it
 * names as its build root (`build: "name:build"`) or in a stage's inputs, devices or mounts
 * (`"name:image"`). A disk manifest lists qcow2, vmdk, vpc, ovf, archive and gce beside image;
 * a raw build runs none of them, so counting them would stall the bar and then jump.
 */
function neededPipelines(pipelines: ReadonlyArray<{ name: string }>, exported: string): Set<string> {
  const byName = new Map(pipelines.map((pipeline) => [pipeline.name, pipeline]));
  const needed = new Set<string>();
  const visit = (name: string) => {
    const pipeline = byName.get(name);
    if (!pipeline || needed.has(name)) return;
    needed.add(name);
    for (const match of JSON.stringify(pipeline).matchAll(/"name:([^"]+)"/g)) visit(match[1] as string);
  };
  visit(exported);
  return needed;
}

/**
 * Every stage osbuild will run for an osbuild (version 2) manifest, pipelines in manifest order:
 * the order osbuild builds them in, since a pipeline's build root and inputs come before it.
 * With `exported` (the pipeline bib exports for the image type), only the pipelines that export
 * needs; without it, or when the manifest has no such pipeline, all of them.
 * `text` is the stdout of `bib manifest` (compact JSON on one line) or a saved
 * `manifest-*.json` (indented).
 */
export function parseManifestStages(text: string, exported?: string): ManifestStage[] {
  const manifest = ManifestSchema.safeParse(parseJson(text));
  if (!manifest.success) {
    const issue = manifest.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new ManifestParseError(
      `bib printed JSON that is not an osbuild version 2 manifest${where}: ${issue?.message ?? 'unknown shape'}.`,
    );
  }
  const all = manifest.data.pipelines;
  const needed =
    exported && all.some((pipeline) => pipeline.name === exported) ? neededPipelines(all, exported) : null;
  const stages = all
    .filter((pipeline) => needed === null || needed.has(pipeline.name))
    .flatMap((pipeline) =>
      pipeline.stages.map((stage) => ({ pipeline: pipeline.name, stageType: stage.type })),
    );
  if (stages.length === 0) throw new ManifestParseError('The manifest bib printed has no stages to build.');
  return stages;
}

function parseJson(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') throw new ManifestParseError('bib printed no manifest (its output was empty).');
  try {
    return JSON.parse(trimmed);
  } catch {
    // bib prints the manifest as one line; anything else on stdout (a stray warning) is skipped.
    const jsonLine = trimmed
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.startsWith('{"'));
    if (jsonLine !== undefined) {
      try {
        return JSON.parse(jsonLine);
      } catch {
        // Reported below with the start of what was printed.
      }
    }
    throw new ManifestParseError(`bib's manifest output is not JSON: it starts with "${preview(trimmed)}".`);
  }
}

function preview(text: string): string {
  const firstLine = text.split('\n', 1)[0] ?? '';
  return firstLine.length > 80 ? `${firstLine.slice(0, 80)}…` : firstLine;
}

/** A manifest we cannot read costs the percentage, not the build: stages are then only counted. */
export function parseManifestStagesOrNull(
  text: string,
  log?: (message: string) => void,
  exported?: string,
): ManifestStage[] | null {
  try {
    return parseManifestStages(text, exported);
  } catch (error) {
    if (!(error instanceof ManifestParseError)) throw error;
    log?.(`bib manifest unreadable, progress without percentages: ${error.message}`);
    return null;
  }
}
