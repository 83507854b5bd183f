import type { BuildPhase } from '../../../shared/diskImages/buildProgress';

export type BandedPhase = Exclude<BuildPhase, 'done' | 'failed' | 'cancelled'>;

/**
 * The stretch of the overall bar each phase fills. The osbuild stages get nearly all of it:
 * they are where a build spends its minutes. The checks before are quick, a pull is quick when
 * the image is already present, and bib's manifest generation (inspecting the image) takes
 * seconds. `finishing` is osbuild exporting the image into the output folder and bib's chown.
 */
export const PHASE_BANDS: Readonly<Record<BandedPhase, readonly [number, number]>> = {
  preflight: [0, 0.02],
  pulling: [0.02, 0.1],
  manifest: [0.1, 0.15],
  building: [0.15, 0.95],
  finishing: [0.95, 1],
};

/** The overall fraction for a point `within` (0..1) a phase. */
export function phaseFraction(phase: BandedPhase, within = 0): number {
  const [start, end] = PHASE_BANDS[phase];
  const clamped = Math.min(1, Math.max(0, Number.isFinite(within) ? within : 0));
  return start + (end - start) * clamped;
}
