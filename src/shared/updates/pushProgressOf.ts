import type { PushProgress } from './updateCalls';

/**
 * Follows a push from the lines podman and skopeo print without a terminal (containers/image's
 * copy: `Copying blob sha256:…` as each layer starts, `Copying config`, `Writing manifest to image
 * destination`). The version's push comes first; the second `Getting image source signatures` is
 * skopeo starting to move the moving tag. `feed` answers the new progress when a line changed it.
 */
export function pushProgressOf(layersTotal: number | null) {
  let progress: PushProgress = { step: 'starting', layersStarted: 0, layersTotal };
  let copies = 0;
  return {
    current: () => progress,
    feed(line: string): PushProgress | null {
      const text = line.trim();
      if (text.startsWith('Getting image source signatures')) {
        copies += 1;
        if (copies === 1) return null;
        progress = { ...progress, step: 'movingTag' };
        return progress;
      }
      if (progress.step === 'movingTag') return null;
      if (text.startsWith('Copying blob ')) {
        const started = progress.layersStarted + 1;
        progress = {
          ...progress,
          step: 'layers',
          layersStarted: layersTotal === null ? started : Math.min(started, layersTotal),
        };
        return progress;
      }
      if (text.startsWith('Writing manifest')) {
        progress = { ...progress, step: 'manifest', layersStarted: layersTotal ?? progress.layersStarted };
        return progress;
      }
      return null;
    },
  };
}

/** How far a push is, 0 to 1, for a progress bar: the layers, then the manifest and the moving tag. */
export function pushFraction(progress: PushProgress): number {
  if (progress.step === 'movingTag') return 0.95;
  if (progress.step === 'manifest') return 0.9;
  if (!progress.layersTotal) return 0;
  return (0.9 * progress.layersStarted) / progress.layersTotal;
}
