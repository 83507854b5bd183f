import type { DriveProgress } from '../flash';

/** One moment of a drive's job: when, how fast, how far. */
export interface SpeedSample {
  at: number;
  phase: DriveProgress['phase'];
  bytes: number;
  /** Bytes per second, or null before it is known. */
  speed: number | null;
}

/** What a sparkline can draw: enough for two minutes at the helper's event rate. */
export const MAX_SAMPLES = 240;

/** Below this a stick is called slow (digabi's usb-monster's threshold); the station judges by it too. */
export const SLOW_BELOW_BYTES_PER_SECOND = 1024 * 1024;
/** This long with no byte written or read while writing or verifying, and the drive is stalled (usb-monster's timeout). */
export const STALL_AFTER_MS = 20_000;

/** The samples with this progress event added (a repeat of the last one adds nothing). */
export function addSample(
  samples: readonly SpeedSample[],
  progress: DriveProgress,
  at: number,
): SpeedSample[] {
  const last = samples.at(-1);
  if (last && last.phase === progress.phase && last.bytes === progress.bytes && last.speed === progress.speed)
    return samples as SpeedSample[];
  const next = [...samples, { at, phase: progress.phase, bytes: progress.bytes, speed: progress.speed }];
  return next.length > MAX_SAMPLES ? next.slice(next.length - MAX_SAMPLES) : next;
}

export type DriveTempo = 'normal' | 'slow' | 'stalled';

/**
 * Whether a drive that is writing or verifying now stands out: stalled when its byte count has not
 * moved for STALL_AFTER_MS, slow when its speed is under SLOW_BELOW_BYTES_PER_SECOND.
 */
export function driveTempo(samples: readonly SpeedSample[], now: number): DriveTempo {
  const last = samples.at(-1);
  if (!last || (last.phase !== 'writing' && last.phase !== 'verifying')) return 'normal';
  // The first sample of this phase with the byte count the drive still has.
  let since = last.at;
  for (let index = samples.length - 1; index >= 0; index -= 1) {
    const sample = samples[index];
    if (!sample || sample.phase !== last.phase || sample.bytes !== last.bytes) break;
    since = sample.at;
  }
  if (now - since >= STALL_AFTER_MS) return 'stalled';
  return last.speed !== null && last.speed < SLOW_BELOW_BYTES_PER_SECOND ? 'slow' : 'normal';
}

/** SVG polyline points for the speeds, scaled into width × height (the fastest at the top). */
export function sparklinePoints(samples: readonly SpeedSample[], width: number, height: number): string {
  const known = samples.filter((sample) => sample.speed !== null);
  if (known.length < 2) return '';
  const first = known[0]?.at ?? 0;
  const span = Math.max(1, (known.at(-1)?.at ?? first) - first);
  const top = Math.max(...known.map((sample) => sample.speed ?? 0), 1);
  return known
    .map((sample) => {
      const x = ((sample.at - first) / span) * width;
      const y = height - ((sample.speed ?? 0) / top) * height;
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}
