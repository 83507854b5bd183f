import { describe, expect, it } from 'vitest';
import type { ImageLayers } from '../../../src/shared/updates/imageLayers';
import { instructionsPerLayer } from '../../../src/shared/updates/layerHistory';
import { parseImageLayers } from '../../../src/shared/updates/parseImageLayers';
import { diffUpdate } from '../../../src/shared/updates/updateDiff';

const digest = (c: string) => `sha256:${c.repeat(64)}`;

function image(source: ImageLayers['source'], layers: Array<[string, string | null, number]>): ImageLayers {
  return {
    ref: `${source}/os`,
    source,
    manifestDigest: digest('f'),
    architecture: 'amd64',
    layers: layers.map(([d, diffId, size]) => ({ digest: d, diffId, size, createdBy: null })),
  };
}

describe('diffUpdate: what hosts on `from` download to get `to`', () => {
  it('counts only the layers whose digest the hosts lack, with their sizes', () => {
    const v1 = image('registry', [
      [digest('a'), digest('1'), 1000],
      [digest('b'), digest('2'), 200],
    ]);
    const v2 = image('registry', [
      [digest('a'), digest('1'), 1000],
      [digest('b'), digest('2'), 200],
      [digest('c'), digest('3'), 55],
    ]);
    const diff = diffUpdate(v1, v2);
    expect(diff.newLayers).toBe(1);
    expect(diff.totalLayers).toBe(3);
    expect(diff.newBytes).toBe(55);
    expect(diff.totalBytes).toBe(1255);
    expect(diff.layers.map((layer) => layer.isNew)).toEqual([false, false, true]);
    expect(diff.allLayersNew).toBe(false);
    expect(diff.flat).toBe(false);
    expect(diff.sizesAreDownloads).toBe(true);
  });

  it('a local (uncompressed) layer matches the pushed (compressed) one by its diff_id', () => {
    const pushed = image('registry', [[digest('a'), digest('1'), 400]]);
    const local = image('local', [
      [digest('1'), digest('1'), 1000],
      [digest('9'), digest('9'), 30],
    ]);
    const diff = diffUpdate(pushed, local);
    expect(diff.layers.map((layer) => layer.isNew)).toEqual([false, true]);
    expect(diff.newBytes).toBe(30);
    expect(diff.sizesAreDownloads).toBe(false);
  });

  it('a recompressed layer (new digest, no diff_id known) is new: bootc compares digests', () => {
    const v1 = image('registry', [[digest('a'), null, 400]]);
    const v2 = image('registry', [[digest('b'), null, 401]]);
    const diff = diffUpdate(v1, v2);
    expect(diff.newLayers).toBe(1);
    expect(diff.allLayersNew).toBe(true);
    expect(diff.flat).toBe(true);
  });
});

describe('the instruction behind each layer', () => {
  it('skips history entries that made no layer and names buildah’s nop steps plainly', () => {
    const history = [
      { created_by: '/bin/sh -c #(nop) COPY dir:abc in / ' },
      { created_by: '/bin/sh -c #(nop) LABEL containers.bootc=1', empty_layer: true },
      { created_by: '/bin/sh -c dnf install -y curl' },
    ];
    expect(instructionsPerLayer(history, 2)).toEqual(['COPY dir:abc in /', 'RUN dnf install -y curl']);
  });

  it('guesses nothing when history and layers disagree', () => {
    expect(instructionsPerLayer([{ created_by: 'x' }], 2)).toEqual([null, null]);
    expect(instructionsPerLayer(undefined, 1)).toEqual([null]);
  });

  it('drops diff_ids that do not line up with the manifest', () => {
    const layers = parseImageLayers({
      ref: 'r',
      source: 'registry',
      manifestDigest: digest('f'),
      manifest: { layers: [{ digest: digest('a'), size: 1 }] },
      config: { rootfs: { diff_ids: [digest('1'), digest('2')] } },
    });
    expect(layers.layers[0]?.diffId).toBeNull();
  });
});
