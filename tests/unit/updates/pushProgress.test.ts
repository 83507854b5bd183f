import { describe, expect, it } from 'vitest';
import { pushFraction, pushProgressOf } from '../../../src/shared/updates/pushProgressOf';

/** What podman 4.3 push and then skopeo 1.9 copy print without a terminal, one line each. */
const PODMAN = [
  'Getting image source signatures',
  'Copying blob sha256:1111111111111111111111111111111111111111111111111111111111111111',
  'Copying blob sha256:2222222222222222222222222222222222222222222222222222222222222222',
  'Copying config sha256:3333333333333333333333333333333333333333333333333333333333333333',
  'Writing manifest to image destination',
  'Storing signatures',
];
const SKOPEO = [
  'Getting image source signatures',
  'Copying blob sha256:1111 skipped: already exists',
  'Writing manifest to image destination',
];

describe('push progress from podman’s own lines', () => {
  it('counts the layers as podman starts each, then the manifest, then the moving tag', () => {
    const tracker = pushProgressOf(2);
    const seen = [...PODMAN, ...SKOPEO].map((line) => tracker.feed(line)).filter(Boolean);
    expect(seen).toEqual([
      { step: 'layers', layersStarted: 1, layersTotal: 2 },
      { step: 'layers', layersStarted: 2, layersTotal: 2 },
      { step: 'manifest', layersStarted: 2, layersTotal: 2 },
      { step: 'movingTag', layersStarted: 2, layersTotal: 2 },
    ]);
    expect(pushFraction(tracker.current())).toBeGreaterThan(0.9);
  });

  it('never says more layers than the image has, and moves only forward', () => {
    const tracker = pushProgressOf(1);
    tracker.feed(PODMAN[1] ?? '');
    tracker.feed(PODMAN[2] ?? '');
    expect(tracker.current().layersStarted).toBe(1);
    expect(pushFraction({ step: 'layers', layersStarted: 1, layersTotal: 2 })).toBeCloseTo(0.45);
  });

  it('without a layer count says how many started and no fraction', () => {
    const tracker = pushProgressOf(null);
    tracker.feed(PODMAN[1] ?? '');
    expect(tracker.current()).toEqual({ step: 'layers', layersStarted: 1, layersTotal: null });
    expect(pushFraction(tracker.current())).toBe(0);
  });
});
