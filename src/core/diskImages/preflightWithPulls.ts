import type { TargetArch } from '../../shared/diskImages/imageTypes';
import type { BuildFailure } from './buildFailure';
import { buildFailure } from './buildFailure';
import type { DiskImageHelperCalls } from './helperCalls';
import { preflightFailure, runPreflight } from './preflight';

/**
 * The preflight, pulling the source or the bib image first when the person asked for it and
 * root does not have it; then checked again, so the checklist shows what holds now.
 */
export async function preflightWithPulls(options: {
  calls: DiskImageHelperCalls;
  refs: { source: string; bib: string };
  outputRoot: string;
  /** What runPreflight checks besides: the architecture asked for, the osbuild store's folder. */
  checks: { targetArch?: TargetArch; storeDir?: string };
  pullMissing: boolean;
  /** Runs a pull as the build's current helper job, so a cancel reaches it. */
  pull: (
    which: 'source' | 'bib',
    ref: string,
  ) => Promise<{ ok: boolean; cancelled: boolean; tail: string[] }>;
  onPulling: (ref: string) => void;
}) {
  const { calls, refs, outputRoot } = options;
  let checked = await runPreflight(calls, refs, outputRoot, options.checks);
  const wrongArch = (which: 'source' | 'bib') =>
    which === 'source' && checked.checks.some((line) => line.id === 'sourceArch' && !line.ok);
  let failure: BuildFailure | null = null;
  if (options.pullMissing) {
    let pulledAny = false;
    for (const which of ['source', 'bib'] as const) {
      // Missing, or (the source) there for another architecture: pulled for the one asked for.
      if (checked.facts[which]?.present && !wrongArch(which)) continue;
      pulledAny = true;
      options.onPulling(refs[which]);
      const pulled = await options.pull(which, refs[which]);
      if (!pulled.ok) {
        const code = which === 'source' ? 'sourceImageMissing' : 'bibImageMissing';
        failure = pulled.cancelled ? buildFailure('cancelled') : buildFailure(code, pulled.tail.join('\n'));
        break;
      }
    }
    if (!failure && pulledAny) checked = await runPreflight(calls, refs, outputRoot, options.checks);
  }
  return { ...checked, failure: failure ?? preflightFailure(checked.checks) };
}
